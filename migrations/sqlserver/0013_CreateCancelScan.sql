-- Cancels a Pending or Running request. A worker running it stops at its next heartbeat, marks the scan
-- Failed and leaves the previous results in place. An unknown id raises error 50004; a request that has
-- already finished raises error 50005; a cancelled one is left as it is.
CREATE PROCEDURE anomaly.CancelScan
    @RequestId bigint
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Message nvarchar(2048);
    DECLARE @Status varchar(10);

    BEGIN TRANSACTION;

    SELECT @Status = Status FROM anomaly.ScanRequests WITH (UPDLOCK, ROWLOCK) WHERE RequestId = @RequestId;

    IF @Status IS NULL
    BEGIN
        SET @Message = CONCAT(N'Scan request ', @RequestId, N' was not found.');
        THROW 50004, @Message, 1;
    END;

    IF @Status IN ('Succeeded', 'Failed')
    BEGIN
        SET @Message = CONCAT(N'Scan request ', @RequestId, N' cannot be cancelled because it is ', @Status, N'.');
        THROW 50005, @Message, 1;
    END;

    UPDATE anomaly.ScanRequests
    SET Status = 'Cancelled', Error = CONCAT(N'Cancelled by ', ORIGINAL_LOGIN(), N'.')
    WHERE RequestId = @RequestId AND Status IN ('Pending', 'Running');

    COMMIT TRANSACTION;
END;
