using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Models;

/// <summary>
/// One lock for all TorchSharp work in the process. Layer constructors draw from torch's one global
/// generator, so models built at once on different threads would interleave their draws. Kernels
/// running at once can also split their work differently and round differently, so scores would
/// depend on what else the process was doing. Serialising training and scoring keeps every scan's
/// scores a function of its data, seed and options; each step still uses all of torch's threads.
/// </summary>
public static partial class TorchGate
{
    private static readonly Lock s_gate = new();

    static TorchGate()
    {
        // MKL, which libtorch uses for dense algebra on x86-64, may change its thread count with the machine's
        // load, and a different split rounds sums differently. Fixing the count keeps scores identical run to run.
        try
        {
            SetMklDynamic(0);

            // Conditional numerical reproducibility, strict: the same inputs give the same bits whatever the
            // memory alignment of the tensors, so a reloaded model scores exactly as the trained one. MKL rejects
            // the switch (code -8) once a matrix product has run in the process, so torch work must start here.
            MklReproducible = SetMklReproducibility(MklReproducibilityAuto | MklReproducibilityStrict) == 0;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            // Builds of libtorch without MKL (ARM, macOS) have no dynamic thread count to turn off.
        }
    }

    /// <summary>
    /// Whether MKL accepted strict reproducibility. False when torch work ran before this class was first used,
    /// and on builds without MKL.
    /// </summary>
    public static bool MklReproducible { get; }

    private const int MklReproducibilityAuto = 2;
    private const int MklReproducibilityStrict = 0x10000;

    // NOTE: libtorch exports MKL's reproducibility switch only under its internal service name, so a future
    // libtorch may drop it. Results could then depend on memory alignment in the last bit again.
    [LibraryImport("libtorch_cpu", EntryPoint = "mkl_serv_cbwr_set")]
    private static partial int SetMklReproducibility(int mode);

    [LibraryImport("libtorch_cpu", EntryPoint = "MKL_Set_Dynamic")]
    private static partial void SetMklDynamic(int enabled);

    /// <summary>Seeds the global generator with <paramref name="seed"/> and runs <paramref name="create"/> under the lock.</summary>
    public static T Create<T>(int seed, Func<T> create)
    {
        lock (s_gate)
        {
            random.manual_seed(seed);
            return create();
        }
    }

    /// <summary>Runs <paramref name="work"/> under the lock; the lock may be taken again on the same thread.</summary>
    public static T Run<T>(Func<T> work)
    {
        lock (s_gate)
        {
            return work();
        }
    }
}
