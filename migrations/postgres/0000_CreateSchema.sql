-- The product's objects live in their own schema, apart from the source tables.
CREATE SCHEMA IF NOT EXISTS anomaly;
