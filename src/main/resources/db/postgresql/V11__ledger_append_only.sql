-- The ledger is append-only in the database too, not only in the code: no path, including a mistaken
-- statement typed at a console, can rewrite or remove a movement. (Disabling the trigger is a schema
-- change, which only the table's owner can make.)
CREATE FUNCTION stock_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movement is append-only: movements cannot be changed, deleted or truncated';
END;
$$;

CREATE TRIGGER stock_movement_append_only BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only();

CREATE TRIGGER stock_movement_no_truncate BEFORE TRUNCATE ON stock_movement
    FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_append_only();
