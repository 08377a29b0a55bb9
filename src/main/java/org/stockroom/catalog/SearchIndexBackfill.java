package org.stockroom.catalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Products created before the search index existed have no words until a start after the
 * migration that made the index fills them in. Only a start that runs the migrations does it: a
 * command opens an up-to-date store without Flyway (see the CLI's store session), and on a store
 * it has not yet checked, the index table may not exist.
 */
@Component
@ConditionalOnProperty(name = "spring.flyway.enabled", havingValue = "true", matchIfMissing = true)
class SearchIndexBackfill {

    private final Catalog catalog;

    SearchIndexBackfill(Catalog catalog) {
        this.catalog = catalog;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexProductsCreatedBeforeTheIndex() {
        catalog.indexUnindexedProducts();
    }
}
