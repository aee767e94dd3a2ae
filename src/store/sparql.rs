//! Query parameters bound in the parsed algebra: a `VALUES` pattern joined
//! into the query, never text pasted into it.

use crate::error::{Error, Result};
use oxigraph::model::Term;
use oxigraph::sparql::Variable;

/// Join `VALUES (?p ...) { (term ...) }` into the query's WHERE pattern,
/// below projection, grouping, ordering and filters, and into both sides
/// of every union, join and optional, so the parameters are visible
/// everywhere in it.
pub(super) fn bind_parameters(
    query: spargebra::Query,
    params: &[(String, Term)],
) -> Result<spargebra::Query> {
    use spargebra::algebra::GraphPattern;
    use spargebra::term::GroundTerm;
    if params.is_empty() {
        return Ok(query);
    }
    let mut variables = Vec::new();
    let mut row = Vec::new();
    for (k, v) in params {
        variables.push(
            Variable::new(k.clone())
                .map_err(|e| Error::Usage(format!("bad parameter name `{k}`: {e}")))?,
        );
        row.push(Some(match v {
            Term::NamedNode(n) => GroundTerm::NamedNode(n.clone()),
            Term::Literal(l) => GroundTerm::Literal(l.clone()),
            Term::BlankNode(_) => {
                return Err(Error::Usage("a parameter cannot be a blank node".into()))
            }
        }));
    }
    fn inject(p: GraphPattern, values: &GraphPattern) -> GraphPattern {
        let b = |inner: Box<GraphPattern>| Box::new(inject(*inner, values));
        match p {
            GraphPattern::Project { inner, variables } => GraphPattern::Project {
                inner: b(inner),
                variables,
            },
            GraphPattern::Distinct { inner } => GraphPattern::Distinct { inner: b(inner) },
            GraphPattern::Reduced { inner } => GraphPattern::Reduced { inner: b(inner) },
            GraphPattern::Slice {
                inner,
                start,
                length,
            } => GraphPattern::Slice {
                inner: b(inner),
                start,
                length,
            },
            GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy {
                inner: b(inner),
                expression,
            },
            GraphPattern::Group {
                inner,
                variables,
                aggregates,
            } => GraphPattern::Group {
                inner: b(inner),
                variables,
                aggregates,
            },
            GraphPattern::Extend {
                inner,
                variable,
                expression,
            } => GraphPattern::Extend {
                inner: b(inner),
                variable,
                expression,
            },
            GraphPattern::Filter { expr, inner } => GraphPattern::Filter {
                expr,
                inner: b(inner),
            },
            // One row V joined with a union is V joined with each branch;
            // with a join or an optional, V joined with both sides (V ⋈ V
            // is V, and every solution of the left side already holds V's
            // values). So a `BIND` or a `FILTER` inside a branch or an
            // optional sees the parameters too, and a branch can look up
            // just what the parameter names. (Not into MINUS: a shared
            // parameter would make its solutions share a variable.)
            GraphPattern::Union { left, right } => GraphPattern::Union {
                left: b(left),
                right: b(right),
            },
            GraphPattern::Join { left, right } => GraphPattern::Join {
                left: b(left),
                right: b(right),
            },
            GraphPattern::LeftJoin {
                left,
                right,
                expression,
            } => GraphPattern::LeftJoin {
                left: b(left),
                right: b(right),
                expression,
            },
            other => GraphPattern::Join {
                left: Box::new(values.clone()),
                right: Box::new(other),
            },
        }
    }
    let values = GraphPattern::Values {
        variables,
        bindings: vec![row],
    };
    Ok(match query {
        spargebra::Query::Select {
            dataset,
            pattern,
            base_iri,
        } => spargebra::Query::Select {
            dataset,
            pattern: inject(pattern, &values),
            base_iri,
        },
        spargebra::Query::Ask {
            dataset,
            pattern,
            base_iri,
        } => spargebra::Query::Ask {
            dataset,
            pattern: inject(pattern, &values),
            base_iri,
        },
        spargebra::Query::Construct {
            template,
            dataset,
            pattern,
            base_iri,
        } => spargebra::Query::Construct {
            template,
            dataset,
            pattern: inject(pattern, &values),
            base_iri,
        },
        spargebra::Query::Describe {
            dataset,
            pattern,
            base_iri,
        } => spargebra::Query::Describe {
            dataset,
            pattern: inject(pattern, &values),
            base_iri,
        },
    })
}

/// Whether a query's pattern calls a `SERVICE` (outside expressions; one
/// inside `EXISTS` fails at evaluation as an unsupported service).
pub(super) fn uses_service(query: &spargebra::Query) -> bool {
    use spargebra::algebra::GraphPattern as P;
    fn walk(p: &P) -> bool {
        match p {
            P::Service { .. } => true,
            P::Join { left, right }
            | P::LeftJoin { left, right, .. }
            | P::Union { left, right }
            | P::Minus { left, right } => walk(left) || walk(right),
            P::Filter { inner, .. }
            | P::Graph { inner, .. }
            | P::Extend { inner, .. }
            | P::OrderBy { inner, .. }
            | P::Project { inner, .. }
            | P::Distinct { inner }
            | P::Reduced { inner }
            | P::Slice { inner, .. }
            | P::Group { inner, .. } => walk(inner),
            _ => false,
        }
    }
    match query {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Ask { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. } => walk(pattern),
    }
}
