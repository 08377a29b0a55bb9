package org.stockroom.channels;

import org.stockroom.support.DomainException;

/**
 * A webhook delivery whose signature is missing or does not match the channel's webhook secret
 * (or that names no connected channel): the API answers 401 {@code invalid-signature} and nothing
 * is recorded.
 */
public class InvalidSignatureException extends DomainException {

    public InvalidSignatureException() {
        super(
                DomainException.Kind.FORBIDDEN,
                "invalid-signature",
                "The webhook signature is missing or does not match this channel's webhook secret");
    }
}
