package org.stockroom.purchasing;

import org.stockroom.support.DomainException;

/** Another supplier has that name already. */
public class DuplicateSupplierException extends DomainException {
    DuplicateSupplierException(String name) {
        super(Kind.CONFLICT, "duplicate-supplier", "A supplier named " + name + " exists already");
    }
}
