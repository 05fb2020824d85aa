namespace SeqAnomaly.SqlClr.Portable;

/// <summary>A named float32 tensor of the portable model, its values in row-major order.</summary>
public sealed class PortableTensor
{
    /// <summary>Creates a tensor from its name, shape and values.</summary>
    public PortableTensor(string name, int[] shape, float[] values)
    {
        Name = name;
        Shape = shape;
        Values = values;
    }

    /// <summary>Name of the tensor, as written by the exporter.</summary>
    public string Name { get; }

    /// <summary>Size of each dimension, outermost first.</summary>
    public int[] Shape { get; }

    /// <summary>Values in row-major order.</summary>
    public float[] Values { get; }
}
