package org.stockroom.support;

public class NotFoundException extends DomainException {
    public NotFoundException(String code, String message) {
        super(DomainException.Kind.NOT_FOUND, code, message);
    }
}
