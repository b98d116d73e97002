using FluentValidation;

namespace LearningReviews.Web.Infrastructure;

public static class ValidatorRegistration
{
    /// <summary>
    /// Registers every concrete validator in this assembly as IValidator&lt;T&gt;. (FluentValidation's
    /// DI-extensions package, which does the same, is not in the registry here.) Validators hold no
    /// per-request state, so one instance each serves every request.
    /// </summary>
    public static IServiceCollection AddValidatorsFromThisAssembly(this IServiceCollection services)
    {
        var validators =
            from type in typeof(ValidatorRegistration).Assembly.GetTypes()
            where type is { IsClass: true, IsAbstract: false }
            from contract in type.GetInterfaces()
            where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IValidator<>)
            select (contract, type);
        foreach (var (contract, type) in validators)
        {
            services.AddSingleton(contract, type);
        }
        return services;
    }
}
