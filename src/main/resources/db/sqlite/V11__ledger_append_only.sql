-- The ledger is append-only in the database too, not only in the code: no path, including a mistaken
-- statement typed at a console, can rewrite or remove a movement. (Dropping the trigger is a schema
-- change, which only the file's owner can make.)
CREATE TRIGGER stock_movement_no_update BEFORE UPDATE ON stock_movement
BEGIN
    SELECT RAISE(ABORT, 'stock_movement is append-only: movements cannot be changed');
END;

CREATE TRIGGER stock_movement_no_delete BEFORE DELETE ON stock_movement
BEGIN
    SELECT RAISE(ABORT, 'stock_movement is append-only: movements cannot be deleted');
END;
