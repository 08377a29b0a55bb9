package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.selfcheck.SelfCheckReport;

/**
 * The self-check. It answers 200 whether or not it found discrepancies: the check itself
 * succeeded, and {@code ok} says whether everything agrees.
 */
@RestController
@Tag(name = "Administration")
class SelfCheckApi {

    private final Store store;

    SelfCheckApi(Store store) {
        this.store = store;
    }

    @Operation(
            summary = "Run the self-check",
            description = "Checks that stock equals the sum of its ledger, units sold match the sales, and open "
                    + "alerts match the products that need restocking. Answers 200 either way; `ok` says whether "
                    + "everything agrees.")
    @GetMapping("/api/admin/verify")
    SelfCheckReport verify() {
        return store.verify();
    }
}
