using SeqAnomaly.Core.Portable;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Models;

/// <summary>
/// The classic dense autoencoder: width→8 (tanh), 8→4 (ReLU), 4→8 (ReLU), 8→width (tanh).
/// The first layer's activations also feed an L1 activity penalty, so <see cref="forward"/> returns both.
/// </summary>
public sealed class ClassicAutoencoder : nn.Module<Tensor, (Tensor Reconstruction, Tensor Code)>
{
    private readonly Linear _encode1;
    private readonly Linear _encode2;
    private readonly Linear _decode1;
    private readonly Linear _decode2;

    public ClassicAutoencoder(int width)
        : base(nameof(ClassicAutoencoder))
    {
        _encode1 = nn.Linear(width, 8);
        _encode2 = nn.Linear(8, 4);
        _decode1 = nn.Linear(4, 8);
        _decode2 = nn.Linear(8, width);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override (Tensor Reconstruction, Tensor Code) forward(Tensor input)
    {
        var code = _encode1.forward(input).tanh();
        using var bottleneck = _encode2.forward(code).relu();
        using var expanded = _decode1.forward(bottleneck).relu();
        using var decoded = _decode2.forward(expanded);
        return (decoded.tanh(), code);
    }

    /// <summary>Writes the layer count, then each layer's activation, input and output sizes, weight and bias, input side first.</summary>
    internal void WritePortable(PortableModelWriter writer)
    {
        (string Activation, Linear Layer)[] layers =
            [("tanh", _encode1), ("relu", _encode2), ("relu", _decode1), ("tanh", _decode2)];
        writer.WriteInt32(layers.Length);
        for (var i = 0; i < layers.Length; i++)
        {
            writer.WriteString(layers[i].Activation);
            writer.WriteInt32((int)layers[i].Layer.in_features);
            writer.WriteInt32((int)layers[i].Layer.out_features);
            writer.WriteTensor($"layers.{i}.weight", layers[i].Layer.weight!);
            writer.WriteTensor($"layers.{i}.bias", layers[i].Layer.bias!);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encode1.Dispose();
            _encode2.Dispose();
            _decode1.Dispose();
            _decode2.Dispose();
        }

        base.Dispose(disposing);
    }
}
