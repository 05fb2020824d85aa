-- Example: tag suspicious part serials as they are inserted. A flagged serial is still inserted, and a missing
-- or unreadable model does not fail the insert (see the trigger's comments for the one exception).
-- Needs sql/clr/deploy.sql installed and a model named 'dbo.PartSerials.Serial', the name a scan of
-- dbo.PartSerials.Serial gives its model by default:
--     seqanomaly scan --table dbo.PartSerials --key PartSerialId --column Serial ...
-- Change the table, key, column and model name to your own.

CREATE TABLE dbo.PartSerials
(
    PartSerialId int IDENTITY(1, 1) NOT NULL,
    Serial       nvarchar(64) NULL,
    CONSTRAINT PK_PartSerials PRIMARY KEY (PartSerialId)
);
GO

-- One row per inserted serial that the model flags, or per serial that could not be scored, with the error.
CREATE TABLE dbo.SuspiciousPartSerials
(
    TagId        bigint IDENTITY(1, 1) NOT NULL,
    PartSerialId int NOT NULL,
    Serial       nvarchar(64) NOT NULL,
    Score        float NULL,
    Explanation  nvarchar(max) NULL,
    ErrorMessage nvarchar(4000) NULL,
    TaggedAt     datetime2(3) NOT NULL CONSTRAINT DF_SuspiciousPartSerials_TaggedAt DEFAULT SYSUTCDATETIME(),
    CONSTRAINT PK_SuspiciousPartSerials PRIMARY KEY (TagId)
);
GO

CREATE OR ALTER TRIGGER dbo.PartSerials_TagSuspicious
ON dbo.PartSerials
AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;

    -- XACT_ABORT is ON by default inside a trigger (SET XACT_ABORT documentation), and then any error, even one
    -- caught by TRY/CATCH, makes the transaction uncommittable: XACT_STATE() is -1 in the CATCH block and the
    -- INSERT is rolled back when the trigger ends. With XACT_ABORT OFF, a caught error such as the CLR
    -- functions' error 6522 (model not found, no portable export, damaged export) leaves the transaction
    -- committable, so the CATCH block records the error and the INSERT commits. The model is also checked
    -- before any function call, so that a model not trained yet raises no error at all.
    SET XACT_ABORT OFF;

    IF NOT EXISTS (
        SELECT 1 FROM anomaly.Models
        WHERE Name = N'dbo.PartSerials.Serial' AND PortableModel IS NOT NULL
    )
        RETURN;

    -- Each function call reads and parses the model again, so this suits single-row and small inserts; score
    -- bulk loads with a scan instead.
    BEGIN TRY
        INSERT INTO dbo.SuspiciousPartSerials (PartSerialId, Serial, Score, Explanation)
        SELECT
            i.PartSerialId,
            i.Serial,
            anomaly.ScoreValue(N'dbo.PartSerials.Serial', i.Serial),
            anomaly.ExplainValue(N'dbo.PartSerials.Serial', i.Serial)
        FROM inserted AS i
        WHERE i.Serial IS NOT NULL
          AND anomaly.IsAnomalous(N'dbo.PartSerials.Serial', i.Serial) = 1;
    END TRY
    BEGIN CATCH
        -- NOTE: some errors make the transaction uncommittable even with XACT_ABORT OFF. Then XACT_STATE() is -1,
        -- nothing can be written, and the INSERT is rolled back when the trigger returns.
        IF XACT_STATE() = 1
            INSERT INTO dbo.SuspiciousPartSerials (PartSerialId, Serial, ErrorMessage)
            SELECT i.PartSerialId, i.Serial, ERROR_MESSAGE()
            FROM inserted AS i
            WHERE i.Serial IS NOT NULL;
    END CATCH;
END;
GO
