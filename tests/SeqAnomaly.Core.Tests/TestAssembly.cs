// Tests that train models run one at a time. Torch's global random generator and its intra-op thread pool are
// shared by the whole process. A model trained in parallel with another can then get other weights or round
// differently, and the seeded-identity tests would fail for reasons outside the code under test.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
