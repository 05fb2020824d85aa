-- Checks a source table, its key and value columns and the scan options, and queues a Pending request;
-- returns its id as a result set and in @RequestId. A bad argument raises error 50001 to 50003, naming it,
-- and inserts nothing.
--
-- EXECUTE AS OWNER lets the catalog check see tables the caller has no rights on, so a requester needs only
-- EXECUTE on this procedure. An unqualified table name means schema dbo. Names are PARSENAME parts: write a
-- name that contains dots or brackets in [brackets] or "double quotes".
CREATE PROCEDURE anomaly.RequestScan
    @SourceTable nvarchar(800),
    @KeyColumn   nvarchar(300),
    @ValueColumn nvarchar(300),
    @Options     nvarchar(max) = NULL,
    @RequestId   bigint = NULL OUTPUT
WITH EXECUTE AS OWNER
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Message nvarchar(2048);
    DECLARE @SchemaPart sysname = PARSENAME(@SourceTable, 2);
    DECLARE @TablePart sysname = PARSENAME(@SourceTable, 1);
    DECLARE @KeyPart sysname = PARSENAME(@KeyColumn, 1);
    DECLARE @ValuePart sysname = PARSENAME(@ValueColumn, 1);
    DECLARE @ObjectId int;
    DECLARE @Schema sysname;
    DECLARE @Table sysname;
    DECLARE @Key sysname;
    DECLARE @Value sysname;

    IF @TablePart IS NULL OR PARSENAME(@SourceTable, 3) IS NOT NULL
    BEGIN
        SET @Message = CONCAT(N'Table name ''', @SourceTable, N''' is invalid: expected ''table'' or ''schema.table''.');
        THROW 50001, @Message, 1;
    END;

    SELECT @ObjectId = o.object_id, @Schema = s.name, @Table = o.name
    FROM sys.objects AS o
    JOIN sys.schemas AS s ON s.schema_id = o.schema_id
    WHERE o.type IN ('U', 'V') AND o.name = @TablePart AND s.name = COALESCE(@SchemaPart, N'dbo');

    IF @ObjectId IS NULL
    BEGIN
        SET @Message = CONCAT(N'Table ''', @SourceTable, N''' was not found.');
        THROW 50001, @Message, 1;
    END;

    IF @KeyPart IS NULL OR PARSENAME(@KeyColumn, 2) IS NOT NULL
        OR @ValuePart IS NULL OR PARSENAME(@ValueColumn, 2) IS NOT NULL
    BEGIN
        SET @Message = CONCAT(N'Column name ''', IIF(@KeyPart IS NULL OR PARSENAME(@KeyColumn, 2) IS NOT NULL,
            @KeyColumn, @ValueColumn), N''' is invalid: expected one name; write a name that contains dots in [brackets].');
        THROW 50002, @Message, 1;
    END;

    SELECT @Key = name FROM sys.columns WHERE object_id = @ObjectId AND name = @KeyPart;
    IF @Key IS NULL
    BEGIN
        SET @Message = CONCAT(N'Column ''', @KeyColumn, N''' was not found in table ''', @Schema, N'.', @Table, N'''.');
        THROW 50002, @Message, 1;
    END;

    SELECT @Value = name FROM sys.columns WHERE object_id = @ObjectId AND name = @ValuePart;
    IF @Value IS NULL
    BEGIN
        SET @Message = CONCAT(N'Column ''', @ValueColumn, N''' was not found in table ''', @Schema, N'.', @Table, N'''.');
        THROW 50002, @Message, 1;
    END;

    IF @Key = @Value
    BEGIN
        SET @Message = CONCAT(N'Key column ''', @KeyColumn, N''' and value column ''', @ValueColumn,
            N''' are the same column. Choose a unique key column other than the value column.');
        THROW 50002, @Message, 1;
    END;

    IF @Options IS NOT NULL
    BEGIN
        IF ISJSON(@Options) <> 1 OR LEFT(LTRIM(@Options), 1) <> N'{'
        BEGIN
            SET @Message = CONCAT(N'Options ''', @Options, N''' are invalid: expected a JSON object.');
            THROW 50003, @Message, 1;
        END;

        -- OPENJSON types: 1 string, 2 number, 3 true or false. Keys are compared case-sensitively, as the worker reads them.
        DECLARE @Entries TABLE ([Key] nvarchar(4000) COLLATE Latin1_General_BIN2, [Value] nvarchar(max), [Type] int);
        INSERT INTO @Entries ([Key], [Value], [Type]) SELECT [key], [value], [type] FROM OPENJSON(@Options);

        DECLARE @Unknown nvarchar(max) =
        (
            SELECT STRING_AGG(CONCAT(N'''', [Key], N''''), N', ')
            FROM @Entries
            WHERE [Key] NOT IN (N'modelName', N'architecture', N'threshold', N'epochs', N'seed', N'retrain')
        );
        IF @Unknown IS NOT NULL
        BEGIN
            SET @Message = CONCAT(N'Unknown option ', @Unknown,
                N': expected modelName, architecture, threshold, epochs, seed or retrain.');
            THROW 50003, @Message, 1;
        END;

        DECLARE @Bad nvarchar(max);
        DECLARE @Expected nvarchar(400);
        DECLARE @Architectures nvarchar(max) = (SELECT STRING_AGG(Name, N', ') FROM anomaly.ScanArchitectures);

        SELECT TOP (1) @Bad = [Key], @Expected = Expected
        FROM
        (
            SELECT e.[Key], e.[Value], e.[Type],
                CASE e.[Key]
                    WHEN N'modelName' THEN IIF(e.[Type] = 1 AND LEN(e.[Value]) BETWEEN 1 AND 200, NULL,
                        N'a non-blank string of at most 200 characters')
                    WHEN N'architecture' THEN IIF(e.[Type] = 1
                        AND EXISTS (SELECT 1 FROM anomaly.ScanArchitectures AS a WHERE a.Name = e.[Value]), NULL,
                        CONCAT(N'one of ', @Architectures))
                    WHEN N'threshold' THEN IIF(e.[Type] = 1 AND (
                            e.[Value] = N'auto'
                            OR (LEFT(e.[Value], 9) = N'quantile:' AND TRY_CONVERT(float, SUBSTRING(e.[Value], 10, 400)) > 0
                                AND TRY_CONVERT(float, SUBSTRING(e.[Value], 10, 400)) < 1)
                            OR (LEFT(e.[Value], 4) = N'top:' AND SUBSTRING(e.[Value], 5, 400) NOT LIKE N'%[^0-9]%'
                                AND TRY_CONVERT(int, SUBSTRING(e.[Value], 5, 400)) >= 1)
                            OR (LEFT(e.[Value], 4) = N'mad:' AND TRY_CONVERT(float, SUBSTRING(e.[Value], 5, 400)) > 0)
                            OR (LEFT(e.[Value], 6) = N'value:' AND TRY_CONVERT(float, SUBSTRING(e.[Value], 7, 400)) IS NOT NULL)),
                        NULL,
                        N'auto, quantile:Q with 0 < Q < 1, top:N with N a whole number of at least 1, mad:K with K > 0, or value:X')
                    WHEN N'epochs' THEN IIF(e.[Type] = 2 AND e.[Value] NOT LIKE N'%[^0-9]%'
                        AND TRY_CONVERT(int, e.[Value]) >= 1, NULL, N'a whole number of at least 1')
                    WHEN N'seed' THEN IIF(e.[Type] = 2 AND e.[Value] NOT LIKE N'%[^0-9-]%'
                        AND TRY_CONVERT(int, e.[Value]) IS NOT NULL, NULL, N'a whole number from -2147483648 to 2147483647')
                    WHEN N'retrain' THEN IIF(e.[Type] = 3, NULL, N'true or false')
                END AS Expected
            FROM @Entries AS e
        ) AS checked
        WHERE Expected IS NOT NULL
        ORDER BY [Key];

        IF @Bad IS NOT NULL
        BEGIN
            SET @Message = CONCAT(N'Invalid value ''', (SELECT [Value] FROM @Entries WHERE [Key] = @Bad),
                N''' for option ', @Bad, N': expected ', @Expected, N'.');
            THROW 50003, @Message, 1;
        END;
    END;

    -- ORIGINAL_LOGIN, because under EXECUTE AS OWNER SUSER_SNAME returns the owner's login.
    DECLARE @Inserted TABLE (RequestId bigint);
    INSERT INTO anomaly.ScanRequests
        (RequestedAt, RequestedBy, SourceTable, KeyColumn, ValueColumn, Options, Status, Attempts)
    OUTPUT INSERTED.RequestId INTO @Inserted (RequestId)
    VALUES
        (SYSUTCDATETIME(), ORIGINAL_LOGIN(),
         CONCAT(N'"', REPLACE(@Schema, N'"', N'""'), N'"."', REPLACE(@Table, N'"', N'""'), N'"'),
         CONCAT(N'"', REPLACE(@Key, N'"', N'""'), N'"'),
         CONCAT(N'"', REPLACE(@Value, N'"', N'""'), N'"'),
         COALESCE(@Options, N'{}'), 'Pending', 0);

    SELECT @RequestId = RequestId FROM @Inserted;
    SELECT @RequestId AS RequestId;
END;
