namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// Lets the real application run its real queries through the SQL Server provider on a machine with no SQL
/// Server: opening the connection is suppressed, and each command is recorded (its T-SQL is exactly what
/// SQL Server would receive) and answered with one row of plausible values, so the code after each query
/// runs too and issues its own queries.
/// </summary>
public sealed class SqlServerWithoutServer : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>The same commands with the context that sent each: the site's background jobs send theirs meanwhile.</summary>
    public ConcurrentQueue<(DbContext? Context, string Sql)> CommandsByContext { get; } = new();

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    /// <summary>Saves that keep the search index in step run in a transaction; here it is one that does nothing.</summary>
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
        InterceptionResult<DbTransaction>.SuppressWithResult(new NoTransaction(connection));

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarting(connection, eventData, result));

    /// <summary>
    /// A command that takes the do-nothing transaction: SqlCommand accepts only a SqlTransaction, so each command is
    /// wrapped; its text and parameters are the real ones (made by SqlClient), and it is never executed.
    /// </summary>
    public DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result) => new TransactionTolerantCommand(result);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(eventData, InterceptionResult<DbDataReader>.SuppressWithResult(new OneRowReader()));

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(eventData, InterceptionResult<object>.SuppressWithResult(1));

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(eventData, InterceptionResult<int>.SuppressWithResult(1));

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    private T Record<T>(CommandEventData eventData, T result)
    {
        Commands.Enqueue(eventData.Command.CommandText);
        CommandsByContext.Enqueue((eventData.Context, eventData.Command.CommandText));
        return result;
    }

    private sealed class TransactionTolerantCommand(DbCommand inner) : DbCommand
    {
#pragma warning disable CA2100 // The text is the site's own; it is recorded, never executed.
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string CommandText { get => inner.CommandText; set => inner.CommandText = value; }
#pragma warning restore CA2100
        public override int CommandTimeout { get => inner.CommandTimeout; set => inner.CommandTimeout = value; }
        public override System.Data.CommandType CommandType { get => inner.CommandType; set => inner.CommandType = value; }
        public override bool DesignTimeVisible { get; set; }
        public override System.Data.UpdateRowSource UpdatedRowSource { get => inner.UpdatedRowSource; set => inner.UpdatedRowSource = value; }
        protected override DbConnection? DbConnection { get => inner.Connection; set => inner.Connection = value; }
        protected override DbParameterCollection DbParameterCollection => inner.Parameters;
        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery() => throw new NotSupportedException("Every command is answered by the interceptor.");

        public override object? ExecuteScalar() => throw new NotSupportedException("Every command is answered by the interceptor.");

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => inner.CreateParameter();

        protected override DbDataReader ExecuteDbDataReader(System.Data.CommandBehavior behavior) =>
            throw new NotSupportedException("Every command is answered by the interceptor.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class NoTransaction(DbConnection connection) : DbTransaction
    {
        public override System.Data.IsolationLevel IsolationLevel => System.Data.IsolationLevel.ReadCommitted;
        protected override DbConnection DbConnection { get; } = connection;
        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }

    /// <summary>One row in which every column reads as a valid value of whatever type it is read as.</summary>
    private sealed class OneRowReader : DbDataReader
    {
        private static readonly DateTime When = DateTime.UtcNow.AddHours(-1);
        private static readonly string[] RawColumns = ["Id", "Score", "Total", "Body", "Value"];
        private int _position = -1;

        public override int FieldCount => 256;
        public override int RecordsAffected => 1;
        public override bool HasRows => true;
        public override bool IsClosed => _position > 0;
        public override int Depth => 0;
        public override object this[int ordinal] => GetValue(ordinal);
        public override object this[string name] => 1;

        public override bool Read() => ++_position == 0;
        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());
        public override bool NextResult() => false;
        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => Task.FromResult(false);
        public override bool IsDBNull(int ordinal) => false;
        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => Task.FromResult(false);

        public override T GetFieldValue<T>(int ordinal) => (T)Value(typeof(T));
        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => Task.FromResult(GetFieldValue<T>(ordinal));
        public override object GetValue(int ordinal) => 1;
        public override bool GetBoolean(int ordinal) => true;
        public override byte GetByte(int ordinal) => 1;
        public override char GetChar(int ordinal) => 'x';
        public override DateTime GetDateTime(int ordinal) => When;
        public override decimal GetDecimal(int ordinal) => 1;
        public override double GetDouble(int ordinal) => 1;
        public override float GetFloat(int ordinal) => 1;
        public override Guid GetGuid(int ordinal) => Guid.Empty;
        public override short GetInt16(int ordinal) => 1;
        public override int GetInt32(int ordinal) => 1;
        public override long GetInt64(int ordinal) => 1;
        public override string GetString(int ordinal) => "x";
        // Raw SQL results (SqlQuery<T>) are matched to properties by column name: the first columns carry the
        // names the site's raw queries use (the search index's hits and texts, and scalar "Value").
        public override string GetName(int ordinal) => ordinal < RawColumns.Length ? RawColumns[ordinal] : $"c{ordinal}";
        public override int GetOrdinal(string name) => 0;
        public override string GetDataTypeName(int ordinal) => "int";
        public override Type GetFieldType(int ordinal) => typeof(int);
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;
        public override int GetValues(object[] values) => 0;
        public override IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();

        private static object Value(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            return t == typeof(string) ? "x"
                : t == typeof(int) ? 1
                : t == typeof(long) ? 1L
                : t == typeof(short) ? (short)1
                : t == typeof(byte) ? (byte)1
                : t == typeof(bool) ? true
                : t == typeof(DateTime) ? When
                : t == typeof(DateTimeOffset) ? new DateTimeOffset(When)
                : t == typeof(DateOnly) ? DateOnly.FromDateTime(When)
                : t == typeof(double) ? 1d
                : t == typeof(decimal) ? 1m
                : t == typeof(Guid) ? Guid.Empty
                : t == typeof(byte[]) ? new byte[] { 1 }
                : t.IsEnum ? Enum.ToObject(t, 1)
                : throw new NotSupportedException($"OneRowReader cannot make a {type}.");
        }
    }
}
