package org.stockroom.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as the templates give them. Spring Boot adds a filter that passes
 * every link a page builds through the static-resource chain, to rewrite links to versioned
 * resources; Stockroom has none (the web jars are resolved when they are requested), and since
 * static resources are served from {@code /**}, every link to a product was looked up on the
 * class path in every jar, a miss that is never cached: with a product list of 50 rows that was
 * most of the page's time. Registering the filter disabled makes Boot leave it out.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
