// The connectwise-rest reference for cwbench_sync: pages through ALL companies of a ConnectWise server
// (cwconnector-sim) the way a user of the npm package connectwise-rest does, and prints one line of JSON:
//   {"records":N,"pages":P,"seconds":S,"maxRssKiB":K,"entryPoint":"...","version":"..."}
//
// Everything comes from the environment (nothing secret on argv):
//   CWREST_COMPANY_URL   host:port of the server, e.g. 127.0.0.1:8443 (HTTPS only: the package has no http)
//   CWREST_COMPANY_ID    login company id (cwsim)
//   CWREST_PUBLIC_KEY, CWREST_PRIVATE_KEY, CWREST_CLIENT_ID
//   CWREST_ENTRY_POINT   optional codebase ("v2025_1"); default: asked from /login/companyinfo/{company}
//   CWREST_PAGE_SIZE     optional, default 1000
//   NODE_EXTRA_CA_CERTS  the test CA (tests/data/tls/ca.pem)
//
// Paging: connectwise-rest 1.3 only knows navigable paging. cwm.paginate() asks page=1,2,... with pageSize
// (no orderBy, no forward-only header) until a page is short or empty, and concatenates every page into one
// array that it returns at the end: the whole data set is in memory before the caller sees a record.
import { readFileSync } from 'node:fs'
import https from 'node:https'
import { createRequire } from 'node:module'

import { ManageAPI } from 'connectwise-rest'

function env(name, fallback) {
  const value = process.env[name]
  if (value === undefined || value === '') {
    if (fallback !== undefined) {
      return fallback
    }
    throw new Error(`environment variable ${name} is not set`)
  }
  return value
}

// The codebase, as a ConnectWise client finds it: GET /login/companyinfo/{company} (no auth).
function companyInfoCodebase(companyUrl, companyId) {
  return new Promise((resolve, reject) => {
    https
      .get(`https://${companyUrl}/login/companyinfo/${encodeURIComponent(companyId)}`, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => {
          try {
            const info = JSON.parse(body)
            if (!info || typeof info.Codebase !== 'string') {
              throw new Error(`no Codebase in companyinfo (HTTP ${res.statusCode})`)
            }
            resolve(info.Codebase.replace(/\/+$/, ''))
          } catch (error) {
            reject(error)
          }
        })
      })
      .on('error', reject)
  })
}

async function main() {
  const companyUrl = env('CWREST_COMPANY_URL')
  const companyId = env('CWREST_COMPANY_ID')
  const pageSize = Number(env('CWREST_PAGE_SIZE', '1000'))
  const entryPoint = env('CWREST_ENTRY_POINT', '') || (await companyInfoCodebase(companyUrl, companyId))

  const cwm = new ManageAPI({
    companyId,
    companyUrl,
    entryPoint,
    publicKey: env('CWREST_PUBLIC_KEY'),
    privateKey: env('CWREST_PRIVATE_KEY'),
    clientId: env('CWREST_CLIENT_ID'),
    timeout: 120000,
    logger: (level, text) => {
      if (level === 'error') {
        console.error(`connectwise-rest ${level}: ${text}`) // never the meta: it holds the request headers
      }
    },
  })

  const start = process.hrtime.bigint()
  const companies = await cwm.paginate(cwm.CompanyAPI.getCompanyCompanies, { startPage: 1, pageSize }, {})
  const seconds = Number(process.hrtime.bigint() - start) / 1e9

  const require = createRequire(import.meta.url)
  const version = JSON.parse(readFileSync(require.resolve('connectwise-rest/package.json'), 'utf8')).version
  const records = Array.isArray(companies) ? companies.length : -1
  // Every record is touched, as a consumer would, so nothing is left lazily unmaterialised.
  let idSum = 0
  for (const company of companies) {
    idSum += company.id
  }
  console.log(
    JSON.stringify({
      records,
      pages: Math.floor(records / pageSize) + 1,
      seconds,
      maxRssKiB: process.resourceUsage().maxRSS,
      entryPoint,
      version,
      idSum,
    }),
  )
}

main().catch((error) => {
  const detail = error && (error.message || error.status) ? `${error.status ?? ''} ${error.message ?? ''}` : error
  console.error(`cwrest-pull failed: ${detail}`)
  process.exit(1)
})
