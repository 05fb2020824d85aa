using System;

namespace SeqAnomaly.SqlClr.Portable;

/// <summary>
/// A trained model read from its portable export, scored in plain managed code. It computes the same
/// score, outlier flag and explanation as the worker's TorchSharp model, up to float rounding.
/// </summary>
public abstract class PortableModel
{
    /// <summary>Sets the fields shared by every architecture.</summary>
    protected PortableModel(string architecture, int width, double threshold)
    {
        Architecture = architecture;
        Width = width;
        Threshold = threshold;
    }

    /// <summary>Architecture name: <c>charae</c> or <c>classic</c>.</summary>
    public string Architecture { get; }

    /// <summary>Number of character positions the model reads.</summary>
    public int Width { get; }

    /// <summary>The model's final threshold: a value whose score is above it is an outlier.</summary>
    public double Threshold { get; }

    /// <summary>Parses a portable model, checking its header, checksum, tensor names and shapes.</summary>
    /// <exception cref="PortableModelException">The bytes are damaged, truncated or of an unknown architecture.</exception>
    public static PortableModel Load(byte[] bytes)
    {
        var reader = PortableModelReader.Open(bytes);
        var architecture = reader.ReadString();
        var width = reader.ReadCount("width");
        var threshold = reader.ReadDouble();
        PortableModel model = architecture switch
        {
            CharacterPortableModel.Name => CharacterPortableModel.Read(reader, width, threshold),
            ClassicPortableModel.Name => ClassicPortableModel.Read(reader, width, threshold),
            _ => throw new PortableModelException(PortableModelReader.Invariant(
                $"The portable model's architecture is '{architecture}', but only 'charae' and 'classic' are known.")),
        };
        reader.EnsureEnd();
        return model;
    }

    /// <summary>Scores one value. A higher score is more anomalous.</summary>
    public abstract float Score(string value);

    /// <summary>Explains one value's score in the words a scan stores.</summary>
    public abstract string Explain(string value);

    /// <summary>Returns whether <paramref name="value"/> is an outlier: its score is above <see cref="Threshold"/>, as in a scan.</summary>
    public bool IsAnomalous(string value) => Score(value) > Threshold;

    /// <summary>Rounds to float32, as each TorchSharp operation stores its result.</summary>
    protected static float Single(double value) => (float)value;

    /// <summary>Rejects a null value, which the SQL functions turn into NULL before calling the model.</summary>
    protected static void CheckValue(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }
    }
}
