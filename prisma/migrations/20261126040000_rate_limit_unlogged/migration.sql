-- Rate-limit counters are hit on every API request and are worthless after a crash: keeping them out of the WAL
-- spares each request a commit flush. A crash empties the table, which only resets the current windows.
ALTER TABLE "RateLimit" SET UNLOGGED;
