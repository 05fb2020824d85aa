using TorchSharp;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Models;

/// <summary>
/// Numbers for tensor operations that stay reachable until the operation returns. TorchSharp turns a number
/// given to a tensor operation, and the implicit factor 1 of <c>a + b</c>, into a <see cref="Scalar"/> that
/// only its finalizer frees, and passes on the native handle without keeping the Scalar reachable. A garbage
/// collection during the native call can then free the number while libtorch reads it. This is the likely
/// cause of the rare "Expected false to be true" failure from Scalar.h seen in long scans. The models take
/// constant numbers from static fields and other numbers from Scalars disposed by <c>using</c>.
/// </summary>
internal static class HeldScalars
{
    /// <summary>The factor 1 of a plain sum.</summary>
    public static readonly Scalar UnitFactor = 1.ToScalar();

    /// <summary>Returns <paramref name="left"/> + <paramref name="right"/>.</summary>
    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, UnitFactor);

}
