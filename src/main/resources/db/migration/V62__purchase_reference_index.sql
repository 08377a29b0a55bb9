-- GET /api/purchases?reference= is how a client finds out whether a purchase whose outcome was unknown was made.
CREATE INDEX purchase_reference ON purchase (reference);
