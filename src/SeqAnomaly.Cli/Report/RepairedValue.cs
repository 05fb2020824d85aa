namespace SeqAnomaly.Cli.Report;

/// <summary>A value's score, its per-position scores by repair, and the explanation built from them.</summary>
/// <param name="Value">The value as scored.</param>
/// <param name="Score">The value's whole score.</param>
/// <param name="PositionScores">For each character, how far the score falls when that character is repaired.</param>
/// <param name="Explanation">The positions whose repair removes much of the score, in words.</param>
internal sealed record RepairedValue(string Value, double Score, IReadOnlyList<double> PositionScores, string Explanation);
