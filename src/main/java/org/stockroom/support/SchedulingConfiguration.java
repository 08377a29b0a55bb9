package org.stockroom.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background housekeeping runs in the server. Commands set {@code stockroom.scheduling=false}: they
 * are short, and a job waking up in the middle of a long import would only wait for its lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "stockroom.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
