package org.stockroom.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.selfcheck.SelfCheckReport;

/**
 * The self-check. It answers 200 whether or not it found discrepancies: the check itself
 * succeeded, and {@code ok} says whether everything agrees.
 */
@RestController
class SelfCheckApi {

    private final Store store;

    SelfCheckApi(Store store) {
        this.store = store;
    }

    @GetMapping("/api/admin/verify")
    SelfCheckReport verify() {
        return store.verify();
    }
}
