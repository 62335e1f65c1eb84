namespace NewsPortal.LoadData;

/// <summary>The search index writer's SQL on plain ADO.NET, on the bulk load's open connection and transaction.</summary>
public sealed class AdoSearchSqlRunner(DbConnection connection, DbTransaction? transaction) : ISearchSqlRunner
{
    public async Task<List<object?[]>> QueryAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task ExecuteAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken) => work();

    private DbCommand Command(string sql, IReadOnlyList<object> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = new object[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
            names[i] = parameter.ParameterName;
        }

#pragma warning disable CA2100 // The SQL is the index writer's own text; every value is a parameter.
        command.CommandText = string.Format(CultureInfo.InvariantCulture, sql, names);
#pragma warning restore CA2100
        return command;
    }
}
