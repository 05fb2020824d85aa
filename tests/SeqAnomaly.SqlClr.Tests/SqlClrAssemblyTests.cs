using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SeqAnomaly.SqlClr.Tests;

/// <summary>
/// Checks the built SQL CLR assembly against the rules that CREATE ASSEMBLY ... PERMISSION_SET = SAFE enforces,
/// as far as metadata shows them, and checks that sql/clr/deploy.sql embeds exactly that assembly.
/// </summary>
public sealed class SqlClrAssemblyTests
{
    private static readonly string[] FrameworkAssemblies = ["mscorlib", "System", "System.Data", "System.Core", "System.Xml"];

    // Namespaces and types that SQL Server's host protection or the SAFE set forbids: threads and locks, files,
    // network, native interop, processes.
    private static readonly string[] ForbiddenNamespaces =
        ["System.Threading", "System.IO", "System.Net", "System.Runtime.InteropServices", "System.Diagnostics.Process"];

    private static readonly string[] Functions = ["ScoreValue", "IsAnomalous", "ExplainValue"];

    [Fact]
    public void Assembly_References_OnlyFramework()
    {
        var metadata = Metadata();

        var references = metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.Contains(name, FrameworkAssemblies));
    }

    [Fact]
    public void Assembly_StaticFields_AreReadOnly()
    {
        var metadata = Metadata();

        var writable = metadata.FieldDefinitions
            .Select(metadata.GetFieldDefinition)
            .Where(field => (field.Attributes & FieldAttributes.Static) != 0)
            .Where(field => (field.Attributes & (FieldAttributes.InitOnly | FieldAttributes.Literal)) == 0)
            .Select(field => $"{metadata.GetString(metadata.GetTypeDefinition(field.GetDeclaringType()).Name)}.{metadata.GetString(field.Name)}")
            .ToList();

        Assert.True(metadata.FieldDefinitions.Count > 0);
        Assert.Empty(writable);
    }

    [Fact]
    public void Assembly_TypeReferences_AvoidForbiddenNamespaces()
    {
        var metadata = Metadata();

        var used = metadata.TypeReferences
            .Select(metadata.GetTypeReference)
            .Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}")
            .ToList();
        var forbidden = used.Where(name => ForbiddenNamespaces.Any(space => name == space || name.StartsWith(space + ".", StringComparison.Ordinal))).ToList();

        Assert.Contains("System.Data.SqlClient.SqlConnection", used);
        Assert.Empty(forbidden);
    }

    [Fact]
    public void Assembly_Module_HasNoUnsafeCode()
    {
        var metadata = Metadata();

        var attributes = metadata.GetModuleDefinition().GetCustomAttributes().Select(handle => AttributeName(metadata, handle)).ToList();

        Assert.DoesNotContain("UnverifiableCodeAttribute", attributes);
    }

    [Fact]
    public void Assembly_Functions_ArePublicStaticMethods()
    {
        var metadata = Metadata();
        var type = metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Single(definition => metadata.GetString(definition.Name) == "AnomalyFunctions");

        var methods = type.GetMethods().Select(metadata.GetMethodDefinition).ToList();

        foreach (var name in Functions)
        {
            var method = Assert.Single(methods, method => metadata.GetString(method.Name) == name);
            Assert.True((method.Attributes & MethodAttributes.Static) != 0, $"{name} is not static.");
            Assert.True((method.Attributes & MethodAttributes.Public) != 0, $"{name} is not public.");
            var attributes = method.GetCustomAttributes().Select(handle => AttributeName(metadata, handle));
            Assert.Contains("SqlFunctionAttribute", attributes);
        }
    }

    [Fact]
    public void DeployScript_AssemblyLiteral_IsBuiltAssembly()
    {
        var script = DeployScript();

        var literal = Regex.Match(script, @"CREATE ASSEMBLY \[SeqAnomaly\.SqlClr\]\s+FROM 0x([0-9A-F]+)\s+WITH PERMISSION_SET = SAFE;");

        Assert.True(literal.Success, "deploy.sql has no CREATE ASSEMBLY ... FROM 0x... WITH PERMISSION_SET = SAFE.");
        Assert.Equal(AssemblyBytes(), Convert.FromHexString(literal.Groups[1].Value));
    }

    [Fact]
    public void DeployScript_TrustedHash_IsSha512OfAssembly()
    {
        var script = DeployScript();

        var hash = Regex.Match(script, @"DECLARE @Hash varbinary\(64\) = 0x([0-9A-F]{128});");

        Assert.True(hash.Success, "deploy.sql declares no SHA-512 for sys.sp_add_trusted_assembly.");
        Assert.Equal(SHA512.HashData(AssemblyBytes()), Convert.FromHexString(hash.Groups[1].Value));
        Assert.Contains("EXEC sys.sp_add_trusted_assembly @hash = @Hash", script);
    }

    [Fact]
    public void DeployScript_Functions_NameAssemblyMethods()
    {
        var script = DeployScript();

        foreach (var name in Functions)
        {
            Assert.Contains($"DROP FUNCTION IF EXISTS anomaly.{name};", script);
            Assert.Contains($"AS EXTERNAL NAME [SeqAnomaly.SqlClr].[SeqAnomaly.SqlClr.AnomalyFunctions].[{name}];", script);
        }
    }

    private static byte[] AssemblyBytes() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SqlClr", "SeqAnomaly.SqlClr.dll"));

    private static MetadataReader Metadata()
    {
        // The reader borrows the PE image's memory, which lives as long as the test process.
        var pe = new PEReader(new MemoryStream(AssemblyBytes()));
        return pe.GetMetadataReader();
    }

    private static string AttributeName(MetadataReader metadata, CustomAttributeHandle handle)
    {
        var constructor = metadata.GetCustomAttribute(handle).Constructor;
        var type = constructor.Kind == HandleKind.MemberReference
            ? metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent
            : metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
        return type.Kind == HandleKind.TypeReference
            ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)type).Name)
            : metadata.GetString(metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name);
    }

    private static string DeployScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SeqAnomaly.Db.sln")))
            {
                return File.ReadAllText(Path.Combine(folder.FullName, "sql", "clr", "deploy.sql"));
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains SeqAnomaly.Db.sln.");
    }
}
