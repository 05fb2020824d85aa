using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Portable;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Characters;

/// <summary>
/// A leave-one-out character autoencoder: the prediction for position i is built from every position
/// except i, so the network never reads the character it predicts and cannot copy it. One pass thus gives
/// what hiding each position in turn gives a denoising autoencoder. The context of position i has three
/// parts, summed in a shared hidden space:
/// <list type="bullet">
/// <item>a vector per (position, token) pair of every other position, for fixed-place formats;</item>
/// <item>the embeddings of the <see cref="Reach"/> neighbours on each side, through one matrix per offset,
/// for patterns that shift with length ("a digit follows a digit");</item>
/// <item>a learned vector standing in for position i itself.</item>
/// </list>
/// </summary>
/// <remarks>
/// Pair vectors start at zero, and pairs rarely seen in training are left out of the context,
/// so a wrong character adds nothing to the other positions' context and cannot blur their predictions.
/// In training, each row also drops a random share of its positions from the context, up to
/// <see cref="MaxContextDropout"/>, so that predictions stay sharp when part of the context is wrong.
/// </remarks>
public sealed class CharacterNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Largest share of positions left out of the context in a training step; each row draws its own share.</summary>
    public const double MaxContextDropout = 0.75;

    /// <summary>Neighbours on each side that the local context reads.</summary>
    public const int Reach = 3;

    private const int EmbeddingSize = 16;

    private static readonly Scalar s_maxContextDropout = MaxContextDropout.ToScalar();

    private readonly int _hiddenSize;
    private readonly Embedding _pairs;
    private readonly Embedding _tokens;
    private readonly ModuleList<Linear> _neighbours;
    private readonly Parameter _hiddenPosition;
    private readonly Linear _decode;
    private readonly Linear _output;
    private readonly Tensor _offsets;
    private readonly Tensor _knownPairs;

    /// <summary>Creates the network for values of <paramref name="width"/> tokens from a vocabulary of <paramref name="vocabularySize"/>.</summary>
    public CharacterNetwork(int width, int vocabularySize, int hiddenSize)
        : base(nameof(CharacterNetwork))
    {
        _hiddenSize = hiddenSize;
        _pairs = nn.Embedding(width * vocabularySize, hiddenSize);
        using (no_grad())
        {
            _pairs.weight!.zero_();
        }

        _tokens = nn.Embedding(vocabularySize, EmbeddingSize);
        _neighbours = nn.ModuleList([.. Enumerable.Range(0, 2 * Reach).Select(_ => nn.Linear(EmbeddingSize, hiddenSize, hasBias: false))]);
        using (var root = Math.Sqrt(hiddenSize).ToScalar())
        {
            _hiddenPosition = new Parameter(randn(width, hiddenSize).div_(root));
        }

        _decode = nn.Linear(hiddenSize, hiddenSize);
        _output = nn.Linear(hiddenSize, vocabularySize);
        using (var size = vocabularySize.ToScalar())
        {
            _offsets = arange(width, ScalarType.Int64).mul_(size);
        }

        _knownPairs = ones(width * vocabularySize);
        RegisterComponents();
    }

    /// <summary>
    /// Sets which (position, token) pairs count as context: 1 for a pair seen often enough in training,
    /// 0 for a rare one, whose vectors would otherwise learn to recall the few values that contain it.
    /// A rare pair is hidden from both the pair and the neighbour context.
    /// </summary>
    public void SetKnownPairs(float[] knownPairs)
    {
        using var _ = no_grad();
        using var pairs = tensor(knownPairs);
        _knownPairs.copy_(pairs);
    }

    /// <summary>
    /// Random generator of the training-time context dropout. A generator of the model's own keeps training
    /// deterministic while other models in the process draw from torch's global generator.
    /// </summary>
    public Generator? DropoutGenerator { get; set; }

    /// <summary>
    /// Draws every parameter from <paramref name="generator"/>, with the same distributions as TorchSharp's
    /// defaults (embeddings normal, linear layers uniform within 1/sqrt(inputs)) but the pair vectors at zero.
    /// </summary>
    public void Initialize(Generator generator)
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.StartsWith("_pairs", StringComparison.Ordinal))
            {
                parameter.zero_();
            }
            else if (name.StartsWith("_tokens", StringComparison.Ordinal))
            {
                parameter.normal_(generator: generator);
            }
            else if (name.StartsWith("_hiddenPosition", StringComparison.Ordinal))
            {
                parameter.normal_(0, 1 / Math.Sqrt(parameter.shape[1]), generator: generator);
            }
            else
            {
                var inputs = name.EndsWith("bias", StringComparison.Ordinal) ? parameter.shape[0] : parameter.shape[^1];
                var bound = 1 / Math.Sqrt(name.EndsWith("bias", StringComparison.Ordinal) ? _hiddenSize : inputs);
                parameter.uniform_(-bound, bound, generator: generator);
            }
        }
    }

    /// <summary>Returns logits of shape [batch, width, vocabulary] from tokens of shape [batch, width].</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var (batch, width) = (tokens.shape[0], tokens.shape[1]);
        var pairs = tokens.Plus(_offsets);
        var keep = _knownPairs.index_select(0, pairs.flatten()).view(batch, width, 1);
        if (training)
        {
            var share = rand([batch, 1, 1], generator: DropoutGenerator).mul_(s_maxContextDropout);
            var dropped = rand([batch, width, 1], generator: DropoutGenerator).ge(share).to_type(keep.dtype);
            keep = keep * dropped;
        }

        var vectors = _pairs.forward(pairs) * keep;
        var context = vectors.sum(1, keepdim: true).sub(vectors).Plus(_hiddenPosition).Plus(Neighbours(tokens, keep));
        var hidden = _decode.forward(nn.functional.relu(context));
        var logits = _output.forward(nn.functional.relu(hidden));
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>Sums, for each position, its neighbours' embeddings through one matrix per offset; outside the value is zero.</summary>
    private Tensor Neighbours(Tensor tokens, Tensor keep)
    {
        var width = tokens.shape[1];
        var embedded = _tokens.forward(tokens) * keep;
        var padded = nn.functional.pad(embedded, [0, 0, Reach, Reach]);
        Tensor? sum = null;
        var index = 0;
        foreach (var offset in Enumerable.Range(-Reach, (2 * Reach) + 1).Where(offset => offset != 0))
        {
            var shifted = padded.narrow(1, Reach + offset, width);
            var term = _neighbours[index++].forward(shifted);
            sum = sum is null ? term : sum.Plus(term);
        }

        return sum!;
    }

    /// <summary>
    /// Writes the reach, hidden size and embedding size, then every weight in the order of the portable format:
    /// pair vectors, known-pairs mask,
    /// token embeddings, one neighbour matrix per offset from -<see cref="Reach"/> to +<see cref="Reach"/>
    /// without 0, the hidden position vectors, then the two linear layers.
    /// </summary>
    internal void WritePortable(PortableModelWriter writer)
    {
        writer.WriteInt32(Reach);
        writer.WriteInt32(_hiddenSize);
        writer.WriteInt32(EmbeddingSize);
        writer.WriteTensor("pairs", _pairs.weight!);
        writer.WriteTensor("knownPairs", _knownPairs);
        writer.WriteTensor("tokens", _tokens.weight!);
        for (var i = 0; i < _neighbours.Count; i++)
        {
            writer.WriteTensor($"neighbours.{i}", _neighbours[i].weight!);
        }

        writer.WriteTensor("hiddenPosition", _hiddenPosition);
        writer.WriteTensor("decode.weight", _decode.weight!);
        writer.WriteTensor("decode.bias", _decode.bias!);
        writer.WriteTensor("output.weight", _output.weight!);
        writer.WriteTensor("output.bias", _output.bias!);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pairs.Dispose();
            _tokens.Dispose();
            _neighbours.Dispose();
            _hiddenPosition.Dispose();
            _decode.Dispose();
            _output.Dispose();
            _offsets.Dispose();
            _knownPairs.Dispose();
        }

        base.Dispose(disposing);
    }
}
