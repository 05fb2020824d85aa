using SeqAnomaly.Cli;

return await SeqAnomalyApp.RunAsync(args);
