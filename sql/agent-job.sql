-- A SQL Server Agent job that queues a scan every night with anomaly.RequestScan; a `seqanomaly worker` runs it.
-- Set the variables below and run this script in msdb's server, as a member of SQLAgentOperatorRole or sysadmin.
-- The job's owner must be able to execute anomaly.RequestScan (role anomaly_requester).
DECLARE @JobName       sysname       = N'SeqAnomaly nightly scan of Parts.Serial';
DECLARE @DatabaseName  sysname       = N'Parts';
DECLARE @SourceTable   nvarchar(800) = N'sales.Parts';
DECLARE @KeyColumn     nvarchar(300) = N'Id';
DECLARE @ValueColumn   nvarchar(300) = N'Serial';
DECLARE @Options       nvarchar(max) = N'{"threshold": "quantile:0.9998", "epochs": 30, "seed": 42}';
DECLARE @StartTime     int           = 020000;  -- HHMMSS: 02:00:00 server time.

DECLARE @Command nvarchar(max) = CONCAT(
    N'EXEC anomaly.RequestScan @SourceTable = N''', REPLACE(@SourceTable, N'''', N''''''),
    N''', @KeyColumn = N''', REPLACE(@KeyColumn, N'''', N''''''),
    N''', @ValueColumn = N''', REPLACE(@ValueColumn, N'''', N''''''),
    N''', @Options = ', IIF(@Options IS NULL, N'NULL', CONCAT(N'N''', REPLACE(@Options, N'''', N''''''), N'''')), N';');
DECLARE @ScheduleName sysname = CONCAT(@JobName, N' schedule');

BEGIN TRANSACTION;

EXEC msdb.dbo.sp_add_job
    @job_name = @JobName,
    @enabled = 1,
    @description = N'Queues a SeqAnomaly scan request; a seqanomaly worker picks it up.';

EXEC msdb.dbo.sp_add_jobstep
    @job_name = @JobName,
    @step_name = N'Request scan',
    @subsystem = N'TSQL',
    @database_name = @DatabaseName,
    @command = @Command,
    @retry_attempts = 2,
    @retry_interval = 5;

EXEC msdb.dbo.sp_add_schedule
    @schedule_name = @ScheduleName,
    @freq_type = 4,             -- daily
    @freq_interval = 1,         -- every day
    @active_start_time = @StartTime;

EXEC msdb.dbo.sp_attach_schedule
    @job_name = @JobName,
    @schedule_name = @ScheduleName;

EXEC msdb.dbo.sp_add_jobserver
    @job_name = @JobName,
    @server_name = N'(local)';

COMMIT TRANSACTION;
GO
