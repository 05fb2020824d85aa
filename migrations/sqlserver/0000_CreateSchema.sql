-- The product's objects live in their own schema, apart from the source tables.
-- CREATE SCHEMA must be alone in its batch, so it runs through EXEC; the check makes the script a
-- no-op where the schema exists already (the migrator creates it before its journal table).
IF SCHEMA_ID(N'anomaly') IS NULL
    EXEC (N'CREATE SCHEMA anomaly AUTHORIZATION dbo;');
