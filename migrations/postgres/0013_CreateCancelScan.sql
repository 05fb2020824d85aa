-- Cancels a Pending or Running request. A worker running it stops at its next heartbeat, marks the scan
-- Failed and leaves the previous results in place. Runs as its owner, like anomaly.RequestScanInSearchPath.
CREATE FUNCTION anomaly.CancelScan(p_request_id bigint)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_status text;
BEGIN
    SELECT Status INTO v_status FROM anomaly.ScanRequests WHERE RequestId = p_request_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Scan request % was not found.', p_request_id USING ERRCODE = 'P0002';
    END IF;

    IF v_status = 'Cancelled' THEN
        RETURN;
    END IF;

    IF v_status NOT IN ('Pending', 'Running') THEN
        RAISE EXCEPTION 'Scan request % cannot be cancelled because it is %.', p_request_id, v_status
            USING ERRCODE = '55000';
    END IF;

    UPDATE anomaly.ScanRequests
    SET Status = 'Cancelled', Error = format('Cancelled by %s.', session_user)
    WHERE RequestId = p_request_id;
END
$$;

REVOKE ALL ON FUNCTION anomaly.CancelScan(bigint) FROM PUBLIC;
