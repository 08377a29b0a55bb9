package org.stockroom.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.stockroom.support.Actors;
import org.stockroom.support.StockroomProperties;

/**
 * The ledger's actor: the signed-in user or token of the request; otherwise {@code stockroom.actor}:
 * {@code cli} for commands run at a terminal (they open the database directly, as whoever may run
 * the program), {@code system} for the server's own work, such as scheduled jobs.
 */
@Component
class CurrentActor implements Actors {

    private final String fallback;

    CurrentActor(StockroomProperties properties) {
        this.fallback = properties.actor();
    }

    @Override
    public String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Account account) {
            return account.actor();
        }
        return fallback;
    }
}
