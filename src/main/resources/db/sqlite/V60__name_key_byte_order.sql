-- SQLite compares text byte by byte (its BINARY collation) already; the PostgreSQL twin of this
-- migration makes name_key sort the same way there. Nothing to change here.
SELECT 1;
