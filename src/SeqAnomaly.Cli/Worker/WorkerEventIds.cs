namespace SeqAnomaly.Cli.Worker;

/// <summary>Event ids of the worker's log messages: 40xx the service, 41xx requests, 42xx database errors.</summary>
internal static class WorkerEventIds
{
    public const int WorkerStarted = 4000;
    public const int WorkerStopped = 4001;
    public const int RequestClaimed = 4100;
    public const int ScanProgress = 4101;
    public const int RequestSucceeded = 4102;
    public const int RequestFailed = 4103;
    public const int RequestRetried = 4104;
    public const int RequestReleased = 4105;
    public const int RequestAbandoned = 4106;
    public const int ClaimLost = 4107;
    public const int CompletedWithoutClaim = 4108;
    public const int ClaimFailed = 4200;
    public const int HeartbeatFailed = 4201;
    public const int QueueUpdateFailed = 4202;
}
