using static TorchSharp.torch;

namespace SeqAnomaly.Core.Models;

/// <summary>
/// Builds TorchSharp modules whose initial weights depend only on a seed. Layer constructors draw from
/// torch's one global generator, so two models built at once on different threads would interleave
/// their draws; a lock makes seeding and construction one step.
/// </summary>
public static class SeededModules
{
    private static readonly Lock s_gate = new();

    /// <summary>Seeds the global generator with <paramref name="seed"/> and runs <paramref name="create"/> under the lock.</summary>
    public static T Create<T>(int seed, Func<T> create)
    {
        lock (s_gate)
        {
            random.manual_seed(seed);
            return create();
        }
    }
}
