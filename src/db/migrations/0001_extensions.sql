-- Trigram indexes for substring search (album title, artist). pg_trgm is a trusted extension
-- (PostgreSQL 13+), so a database owner may create it; PGlite loads it as a contrib extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
