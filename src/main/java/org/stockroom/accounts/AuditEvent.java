package org.stockroom.accounts;

import java.time.Instant;

/** One change in the audit trail: who did what to which thing, and when. */
public record AuditEvent(long id, Instant at, String actor, String action, String target, String detail) {}
