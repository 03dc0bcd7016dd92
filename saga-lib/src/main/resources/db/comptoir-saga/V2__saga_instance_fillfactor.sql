-- Leave room in each page so that step transitions (which change neither due_at nor state while a
-- saga runs under its lease) are HOT updates: no index writes per step.
ALTER TABLE saga_instance SET (fillfactor = 70);
