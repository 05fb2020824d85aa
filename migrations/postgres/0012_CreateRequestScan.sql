-- anomaly.RequestScan checks a source table, its key and value columns and the scan options, and queues a
-- Pending request. Names follow PostgreSQL's rules: unquoted parts fold to lower case, quoted parts match
-- exactly, and an unqualified table is looked up in the caller's search_path.
--
-- The checking function runs as its owner (SECURITY DEFINER), so a requester needs no rights on the tables.
-- Its search_path is pinned to pg_catalog, then pg_temp, so objects a caller creates cannot replace the
-- functions and operators it uses. The caller's search_path is passed in as data by anomaly.RequestScan, and
-- is used only to find the table in the catalog.
CREATE FUNCTION anomaly.RequestScanInSearchPath(
    p_source_table text,
    p_key_column text,
    p_value_column text,
    p_options jsonb,
    p_search_path name[])
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_table_parts text[];
    v_key_parts text[];
    v_value_parts text[];
    v_relid oid;
    v_schema name;
    v_table name;
    v_key name;
    v_value name;
    v_unknown text;
    v_option text;
    v_request_id bigint;
BEGIN
    IF p_source_table IS NULL OR p_key_column IS NULL OR p_value_column IS NULL THEN
        RAISE EXCEPTION 'The source table, key column and value column are required.' USING ERRCODE = '22004';
    END IF;

    BEGIN
        v_table_parts := parse_ident(p_source_table);
        v_key_parts := parse_ident(p_key_column);
        v_value_parts := parse_ident(p_value_column);
    EXCEPTION WHEN invalid_parameter_value THEN
        RAISE EXCEPTION 'A table or column name is invalid: %', SQLERRM USING ERRCODE = '22023';
    END;

    IF array_length(v_table_parts, 1) > 2 THEN
        RAISE EXCEPTION 'Table name ''%'' is invalid: expected ''table'' or ''schema.table''.', p_source_table
            USING ERRCODE = '22023';
    END IF;

    IF array_length(v_key_parts, 1) <> 1 OR array_length(v_value_parts, 1) <> 1 THEN
        RAISE EXCEPTION 'Column name ''%'' is invalid: expected one name; write a name that contains dots in double quotes.',
            CASE WHEN array_length(v_key_parts, 1) <> 1 THEN p_key_column ELSE p_value_column END
            USING ERRCODE = '22023';
    END IF;

    IF array_length(v_table_parts, 1) = 2 THEN
        SELECT c.oid, n.nspname, c.relname INTO v_relid, v_schema, v_table
        FROM pg_class AS c
        JOIN pg_namespace AS n ON n.oid = c.relnamespace
        WHERE n.nspname = v_table_parts[1] AND c.relname = v_table_parts[2]
          AND c.relkind IN ('r', 'v', 'm', 'p', 'f');
    ELSE
        SELECT c.oid, n.nspname, c.relname INTO v_relid, v_schema, v_table
        FROM pg_class AS c
        JOIN pg_namespace AS n ON n.oid = c.relnamespace
        JOIN unnest(p_search_path) WITH ORDINALITY AS p (nspname, position) ON p.nspname = n.nspname
        WHERE c.relname = v_table_parts[1] AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
        ORDER BY p.position
        LIMIT 1;
    END IF;

    IF v_relid IS NULL THEN
        RAISE EXCEPTION 'Table ''%'' was not found.', p_source_table USING ERRCODE = '42P01';
    END IF;

    SELECT a.attname INTO v_key
    FROM pg_attribute AS a
    WHERE a.attrelid = v_relid AND a.attname = v_key_parts[1] AND a.attnum > 0 AND NOT a.attisdropped;
    IF v_key IS NULL THEN
        RAISE EXCEPTION 'Column ''%'' was not found in table ''%.%''.', p_key_column, v_schema, v_table
            USING ERRCODE = '42703';
    END IF;

    SELECT a.attname INTO v_value
    FROM pg_attribute AS a
    WHERE a.attrelid = v_relid AND a.attname = v_value_parts[1] AND a.attnum > 0 AND NOT a.attisdropped;
    IF v_value IS NULL THEN
        RAISE EXCEPTION 'Column ''%'' was not found in table ''%.%''.', p_value_column, v_schema, v_table
            USING ERRCODE = '42703';
    END IF;

    IF v_key = v_value THEN
        RAISE EXCEPTION 'Key column ''%'' and value column ''%'' are the same column. Choose a unique key column other than the value column.',
            p_key_column, p_value_column USING ERRCODE = '22023';
    END IF;

    IF p_options IS NOT NULL THEN
        IF jsonb_typeof(p_options) <> 'object' THEN
            RAISE EXCEPTION 'Options ''%'' are invalid: expected a JSON object.', p_options USING ERRCODE = '22023';
        END IF;

        SELECT string_agg(format('''%s''', k), ', ' ORDER BY k) INTO v_unknown
        FROM jsonb_object_keys(p_options) AS k
        WHERE k NOT IN ('modelName', 'architecture', 'threshold', 'epochs', 'seed', 'retrain');
        IF v_unknown IS NOT NULL THEN
            RAISE EXCEPTION 'Unknown option %: expected modelName, architecture, threshold, epochs, seed or retrain.', v_unknown
                USING ERRCODE = '22023';
        END IF;

        IF p_options ? 'modelName' AND NOT (jsonb_typeof(p_options -> 'modelName') = 'string'
            AND length(btrim(p_options ->> 'modelName')) BETWEEN 1 AND 200
            AND length(p_options ->> 'modelName') <= 200) THEN
            RAISE EXCEPTION 'Invalid value ''%'' for option modelName: expected a non-blank string of at most 200 characters.',
                p_options -> 'modelName' USING ERRCODE = '22023';
        END IF;

        IF p_options ? 'architecture' AND NOT (jsonb_typeof(p_options -> 'architecture') = 'string'
            AND EXISTS (SELECT 1 FROM anomaly.ScanArchitectures WHERE Name = p_options ->> 'architecture')) THEN
            RAISE EXCEPTION 'Invalid value ''%'' for option architecture: expected one of %.', p_options -> 'architecture',
                (SELECT string_agg(Name, ', ' ORDER BY Name) FROM anomaly.ScanArchitectures) USING ERRCODE = '22023';
        END IF;

        v_option := p_options ->> 'threshold';
        IF p_options ? 'threshold' AND NOT (jsonb_typeof(p_options -> 'threshold') = 'string' AND (
            v_option = 'auto'
            OR (v_option ~ '^quantile:0*\.[0-9]+$' AND substr(v_option, 10)::numeric > 0)
            OR v_option ~ '^top:0*[1-9][0-9]{0,8}$'
            OR (v_option ~ '^mad:([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,3})?$' AND substr(v_option, 5)::float8 > 0)
            OR v_option ~ '^value:[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,3})?$')) THEN
            RAISE EXCEPTION 'Invalid value ''%'' for option threshold: expected auto, quantile:Q with 0 < Q < 1, top:N with N a whole number of at least 1, mad:K with K > 0, or value:X.',
                p_options -> 'threshold' USING ERRCODE = '22023';
        END IF;

        IF p_options ? 'epochs' AND NOT (jsonb_typeof(p_options -> 'epochs') = 'number'
            AND (p_options ->> 'epochs') ~ '^[0-9]{1,10}$'
            AND (p_options ->> 'epochs')::bigint BETWEEN 1 AND 2147483647) THEN
            RAISE EXCEPTION 'Invalid value ''%'' for option epochs: expected a whole number of at least 1.',
                p_options -> 'epochs' USING ERRCODE = '22023';
        END IF;

        IF p_options ? 'seed' AND NOT (jsonb_typeof(p_options -> 'seed') = 'number'
            AND (p_options ->> 'seed') ~ '^-?[0-9]{1,10}$'
            AND (p_options ->> 'seed')::bigint BETWEEN -2147483648 AND 2147483647) THEN
            RAISE EXCEPTION 'Invalid value ''%'' for option seed: expected a whole number from -2147483648 to 2147483647.',
                p_options -> 'seed' USING ERRCODE = '22023';
        END IF;

        IF p_options ? 'retrain' AND jsonb_typeof(p_options -> 'retrain') <> 'boolean' THEN
            RAISE EXCEPTION 'Invalid value ''%'' for option retrain: expected true or false.',
                p_options -> 'retrain' USING ERRCODE = '22023';
        END IF;
    END IF;

    -- session_user is the login that called, where current_user would be this function's owner.
    INSERT INTO anomaly.ScanRequests
        (RequestedAt, RequestedBy, SourceTable, KeyColumn, ValueColumn, Options, Status, Attempts)
    VALUES
        (now(), session_user, quote_ident(v_schema) || '.' || quote_ident(v_table), quote_ident(v_key),
         quote_ident(v_value), COALESCE(p_options, '{}'::jsonb), 'Pending', 0)
    RETURNING RequestId INTO v_request_id;

    RETURN v_request_id;
END
$$;

-- Runs as the caller, so that current_schemas reads the caller's search_path.
CREATE FUNCTION anomaly.RequestScan(
    p_source_table text,
    p_key_column text,
    p_value_column text,
    p_options jsonb DEFAULT NULL)
RETURNS bigint
LANGUAGE sql
SECURITY INVOKER
AS $$
    SELECT anomaly.RequestScanInSearchPath(
        p_source_table, p_key_column, p_value_column, p_options, pg_catalog.current_schemas(false));
$$;

-- PostgreSQL lets every role execute a new function; only anomaly_requester should (see sql/roles.postgres.sql).
REVOKE ALL ON FUNCTION anomaly.RequestScanInSearchPath(text, text, text, jsonb, name[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION anomaly.RequestScan(text, text, text, jsonb) FROM PUBLIC;
