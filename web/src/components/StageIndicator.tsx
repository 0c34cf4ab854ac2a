/**
 * The procedure's stages in order with the dossier's current one highlighted by colour,
 * symbol and word; completed and upcoming stages carry their state for screen readers too.
 * Stage names come from the dossier's procedure template, in the UI language.
 */
import type { ProcedureStageDTO } from '@core/api/procedures.js'
import { pickText } from '@core/i18n/languages.js'
import { useLanguage, useT } from '../i18n/language.js'

type StageState = 'done' | 'current' | 'upcoming'

const SYMBOL: Record<StageState, string> = { done: '✓', current: '▶', upcoming: '○' }

export function StageIndicator({
  stages,
  current,
  labelledBy,
}: {
  stages: ProcedureStageDTO[]
  current: string
  labelledBy: string
}) {
  const tr = useT()
  const { lang } = useLanguage()
  const currentIndex = stages.findIndex((s) => s.code === current)
  return (
    <ol className="stages" aria-labelledby={labelledBy}>
      {stages.map((stage, index) => {
        const state: StageState =
          index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming'
        return (
          <li
            key={stage.code}
            className="stages__item"
            data-state={state}
            data-stage={stage.code}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="stages__symbol" aria-hidden="true">
              {SYMBOL[state]}
            </span>
            <span>
              {pickText(stage.name, lang)}
              <span className={state === 'current' ? 'stages__word' : 'visually-hidden'}>
                {state === 'current' ? tr('ui.stage.current') : ` — ${tr(`ui.stage.${state}`)}`}
              </span>
            </span>
          </li>
        )
      })}
    </ol>
  )
}
