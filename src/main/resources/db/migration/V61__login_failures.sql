-- Failed sign-in counts of the login throttle (accounts), shared by every instance on the store.
-- key: 'account:<username>', 'address:<ip>' (passwords and second-factor codes from an address),
-- 'pair:<ip> <username>' (an account's failures from one address) or 'token:<ip>' (API tokens).
CREATE TABLE login_failure (
    key          ${text} NOT NULL PRIMARY KEY,
    failures     BIGINT  NOT NULL,
    last_failure BIGINT  NOT NULL,
    locked_until BIGINT  NOT NULL
);
CREATE INDEX login_failure_last ON login_failure (last_failure);
CREATE INDEX login_failure_locked ON login_failure (locked_until);
