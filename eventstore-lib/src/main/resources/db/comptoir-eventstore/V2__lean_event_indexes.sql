-- Appends are the hot path: keep only the indexes the library needs (position, event id,
-- stream + version). Applications that query by type or correlation id add their own index.
DROP INDEX IF EXISTS events_type_idx;
DROP INDEX IF EXISTS events_correlation_idx;
