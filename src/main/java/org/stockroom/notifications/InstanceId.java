package org.stockroom.notifications;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** This process's name in notifications to other instances, new at every start. */
@Component
class InstanceId {

    private final String value = UUID.randomUUID().toString();

    String value() {
        return value;
    }
}
