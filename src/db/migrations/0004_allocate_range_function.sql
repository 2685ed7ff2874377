-- The fast path of "next available" (src/allocation/allocation.repo.ts allocateRange) as a function:
-- one short statement to plan per call, and PL/pgSQL keeps the plans of the statements inside for
-- the session, so the counter's row lock is held for as little work as the database can do.
-- Advances the counter by p_count (creating the year's row), and only if every code of that range
-- is free writes the ledger rows and one audit row. Returns the counter after the call (null when
-- it would pass 99999; the row stays locked either way) and the designations written.
CREATE FUNCTION isrc_allocate_range(
  p_country text, p_code text, p_year smallint, p_count int,
  p_registrant uuid, p_assigned_by uuid, p_actor uuid, p_ip text, p_audit_after jsonb,
  OUT last_designation int, OUT written int[]
) LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO designation_counters AS dc (country_code, registrant_code, year_of_reference, last_designation)
  VALUES (p_country, p_code, p_year, p_count)
  ON CONFLICT (country_code, registrant_code, year_of_reference) DO UPDATE
    SET last_designation = dc.last_designation + p_count, updated_at = now()
    WHERE dc.last_designation + p_count <= 99999
  RETURNING dc.last_designation INTO last_designation;
  written := '{}';
  IF last_designation IS NULL THEN
    RETURN;
  END IF;
  IF EXISTS (
    SELECT 1 FROM isrc_assignments a
    WHERE a.country_code = p_country AND a.registrant_code = p_code AND a.year_of_reference = p_year
      AND a.designation BETWEEN last_designation - p_count + 1 AND last_designation
  ) THEN
    RETURN;
  END IF;
  WITH ledger AS (
    INSERT INTO isrc_assignments (isrc, country_code, registrant_code, year_of_reference, designation, registrant_id, source, assigned_by)
    SELECT p_country || p_code || lpad(p_year::text, 2, '0') || lpad(d::text, 5, '0'), p_country, p_code, p_year, d, p_registrant, 'system', p_assigned_by
    FROM generate_series(last_designation - p_count + 1, last_designation) AS d
    ON CONFLICT (isrc) DO NOTHING
    RETURNING designation
  )
  SELECT coalesce(array_agg(designation ORDER BY designation), '{}') INTO written FROM ledger;
  IF cardinality(written) > 0 THEN
    INSERT INTO audit_log (actor_user_id, ip, action, entity_type, entity_id, before, after)
    VALUES (p_actor, p_ip, 'isrc.allocate', 'registrant', p_registrant::text, NULL,
      p_audit_after || jsonb_build_object('first', written[1], 'last', written[cardinality(written)]));
  END IF;
END;
$$;
