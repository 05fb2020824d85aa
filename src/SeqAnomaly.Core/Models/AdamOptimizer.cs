using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Models;

/// <summary>
/// Adam without weight decay, computed with the same tensor operations in the same order as TorchSharp's
/// <c>optim.Adam</c>, so that training gives the same weights. The demo's scores did not change when it replaced
/// that optimizer. TorchSharp's optimizer passes its numbers as Scalars that can be freed during the native
/// call (see <see cref="HeldScalars"/>). Here every number stays reachable until the operation has returned.
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private static readonly Scalar s_beta1 = Beta1.ToScalar();
    private static readonly Scalar s_beta2 = Beta2.ToScalar();
    private static readonly Scalar s_gradientShare = (1 - Beta1).ToScalar();
    private static readonly Scalar s_squareShare = (1 - Beta2).ToScalar();
    private static readonly Scalar s_epsilon = Epsilon.ToScalar();

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _averages;
    private readonly Tensor[] _squares;
    private readonly double _learningRate;
    private long _step;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        _parameters = [.. parameters];
        _averages = [.. _parameters.Select(parameter => zeros_like(parameter))];
        _squares = [.. _parameters.Select(parameter => zeros_like(parameter))];
        _learningRate = learningRate;
    }

    /// <summary>Clears the gradients before the next backward pass.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.grad?.zero_();
        }
    }

    /// <summary>Moves every parameter one step along its bias-corrected moment estimates.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        _step++;
        var firstCorrection = 1 - Math.Pow(Beta1, _step);
        var secondCorrection = 1 - Math.Pow(Beta2, _step);
        using var secondRoot = Math.Sqrt(secondCorrection).ToScalar();
        using var stepSize = (-(_learningRate / firstCorrection)).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var gradient = _parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            _averages[i].mul_(s_beta1).add_(gradient, s_gradientShare);
            _squares[i].mul_(s_beta2).addcmul_(gradient, gradient, s_squareShare);
            var denominator = _squares[i].sqrt().div_(secondRoot).add_(s_epsilon);
            _parameters[i].addcdiv_(_averages[i], denominator, stepSize);
        }
    }

    public void Dispose()
    {
        foreach (var state in _averages.Concat(_squares))
        {
            state.Dispose();
        }
    }
}
