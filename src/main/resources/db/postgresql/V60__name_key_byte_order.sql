-- Sorting by name must give the same order as SQLite, which compares text byte by byte: make the
-- search key use the "C" collation, whatever collation the database was created with.
ALTER TABLE product ALTER COLUMN name_key TYPE TEXT COLLATE "C";
