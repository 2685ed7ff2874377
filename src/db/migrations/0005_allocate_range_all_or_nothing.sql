-- isrc_allocate_range becomes all or nothing, so one call is a whole allocation on its own and
-- needs no transaction around it (src/allocation/sequence.service.ts takeNextFree): when any code
-- of the range is taken, the counter goes back to where it was and nothing is written. The
-- ledger insert needs no ON CONFLICT: every writer of ledger rows holds the counter row's lock,
-- and the EXISTS check runs under it.
CREATE OR REPLACE FUNCTION isrc_allocate_range(
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
    UPDATE designation_counters dc SET last_designation = dc.last_designation - p_count
      WHERE dc.country_code = p_country AND dc.registrant_code = p_code AND dc.year_of_reference = p_year
      RETURNING dc.last_designation INTO last_designation;
    RETURN;
  END IF;
  INSERT INTO isrc_assignments (isrc, country_code, registrant_code, year_of_reference, designation, registrant_id, source, assigned_by)
  SELECT p_country || p_code || lpad(p_year::text, 2, '0') || lpad(d::text, 5, '0'), p_country, p_code, p_year, d, p_registrant, 'system', p_assigned_by
  FROM generate_series(last_designation - p_count + 1, last_designation) AS d;
  written := ARRAY(SELECT generate_series(last_designation - p_count + 1, last_designation));
  INSERT INTO audit_log (actor_user_id, ip, action, entity_type, entity_id, before, after)
  VALUES (p_actor, p_ip, 'isrc.allocate', 'registrant', p_registrant::text, NULL,
    p_audit_after || jsonb_build_object('first', written[1], 'last', written[cardinality(written)]));
END;
$$;
