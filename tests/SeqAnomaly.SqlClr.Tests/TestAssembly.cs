// Tests that train models run one at a time: torch's global generator and thread pool are shared by the process,
// and a model trained beside another could get other weights or round differently.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
