-- Shelfwise event store, version 2: a rating for RATED events (imported ratings and reviews).
ALTER TABLE SW_EVENT ADD RATING DECIMAL(5, 2);
