package org.stockroom.channels;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.notifications.OwnerNotices;

/**
 * A channel that refused its credentials. The status moves CONNECTED to UNAUTHORIZED by a
 * conditional update, so whichever push, sync or instance sees the refusal first tells the owner,
 * and every other one (retries included) tells nobody.
 */
@Component
class Unauthorized {

    private static final Logger log = LoggerFactory.getLogger(Unauthorized.class);

    private final ChannelRepository repository;
    private final OwnerNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Unauthorized(ChannelRepository repository, OwnerNotices notices, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.notices = notices;
        this.transaction = transaction;
        this.clock = clock;
    }

    void mark(ChannelRepository.Row channel, Platform.Failure failure) {
        String reason = "the platform refused Stockroom's credentials (" + failure.getMessage() + ")";
        boolean first = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!repository.changeStatus(channel.id(), ChannelStatus.CONNECTED, ChannelStatus.UNAUTHORIZED, reason)) {
                return false;
            }
            repository.log(channel.id(), "UNAUTHORIZED", null, null, null, reason, clock.millis());
            notices.email(
                    "channel.unauthorized",
                    "Sales channel " + channel.name() + " refused its credentials",
                    "Stockroom can no longer update the stock of the sales channel " + channel.name() + " ("
                            + channel.baseUrl() + "): " + reason + ".\n\n"
                            + "Stock changes are kept and will be sent once it works again. Check the access token or\n"
                            + "API keys (and their permissions) on the platform, then press 'Sync now' on the Channels\n"
                            + "page, or POST /api/channels/" + channel.id() + "/sync.\n");
            return true;
        }));
        if (first) {
            log.warn("Sales channel {} ({}) marked UNAUTHORIZED: {}", channel.name(), channel.id(), reason);
        }
    }
}
