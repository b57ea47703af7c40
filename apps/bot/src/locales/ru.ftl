# Команды
cmd-start = Старт и главное меню
cmd-help = Что я умею
cmd-done = Отметить привычки за сегодня
cmd-new = Создать привычку
cmd-habits = Ваши привычки
cmd-rewards = Ваши награды
cmd-streaks = Ваши серии
cmd-stats = Статистика
cmd-settings = Настройки
cmd-cancel = Выйти из текущего шага

# Первое знакомство
start-welcome = 👋 Здравствуйте, { $name }! Я помогаю вырабатывать привычки, держать серии и получать награды, которые вы выберете.
start-ask-timezone = 🌍 Сначала часовой пояс, чтобы ваш день заканчивался в вашу полночь. Нажмите кнопку, отправьте геопозицию или напишите пояс или город (например, <code>Europe/Moscow</code> или <code>Алматы</code>).
timezone-location-button = 📍 Отправить геопозицию
timezone-unknown = 🤔 Я не знаю часовой пояс «{ $input }». Напишите город, например Москва или Алматы, пояс, например Europe/Moscow, или сдвиг в целых часах, например UTC+3.
timezone-location-unknown = 🤔 Не удаётся определить часовой пояс этого места. Выберите пояс или напишите город.
timezone-set = ✅ Часовой пояс: <b>{ $zone }</b>. У вас сейчас { $time }.
start-ready = Готово! Создадим первую привычку? Нажмите кнопку ниже или откройте меню.
start-zone-later = 🌍 Ваш часовой пояс пока UTC. Отправьте /start, когда захотите его выбрать.
start-button-first-habit = ➕ Создать первую привычку

# Главное меню
menu-title = 🏠 <b>Главное меню</b>
menu-done = ✅ Сделано сегодня
menu-habits = 🧩 Привычки
menu-rewards = 🎁 Награды
menu-streaks = 🔥 Серии
menu-stats = 📊 Статистика
menu-settings = ⚙️ Настройки
menu-help = ❓ Помощь
button-back = ⬅️ Назад
button-undo = ↩️ Отменить
coming-soon = 🚧 Этот раздел ещё в работе. Пока работают: ✅ Сделано сегодня, 🔥 Серии и /new.

# Сделано сегодня
done-title = ✅ <b>Что вы сделали сегодня?</b>
done-no-habits = У вас пока нет привычек. Создайте первую командой /new.
done-nothing-due = 🎉 На сегодня всё. Отличная работа!
done-today-progress = Сегодня: { $bar } { $done }/{ $total }
done-logged = ✅ <b>{ $habit }</b> — сделано! 🔥 Серия: { $streak }
done-logged-period = ✅ <b>{ $habit }</b> — сделано! 📅 { $done }/{ $target } { $period ->
        [this-week] за эту неделю
        [that-week] за ту неделю
        [this-month] за этот месяц
       *[that-month] за тот месяц
    }
done-reward-won = 🎁 Вы получили часть награды <b>{ $reward }</b>! { $bar } { $earned }/{ $required }
done-reward-achieved = 🏆 <b>{ $reward }</b> ваша: заберите её в разделе «Награды».
done-reward-kept = 🎁 Этот день уже принёс награду «{ $reward }», и вы её получили.
done-no-reward = В этот раз без награды. Продолжайте!
done-add-a-reward = 🎁 Добавьте награду в /rewards: каждая выполненная привычка может принести её часть.
done-milestone-streak = 🏅 { $days } дней подряд!
done-milestone-target = 🏅 Цель достигнута: { NUMBER($count) ->
        [one] { $count } выполнение
        [few] { $count } выполнения
        [many] { $count } выполнений
       *[other] { $count } выполнения
    }!
undo-done = ↩️ Отменено: <b>{ $habit }</b> — { $date }.
undo-reward-taken = Часть награды «{ $reward }» возвращена.
undo-nothing = Нечего отменять.
undo-pick = ↩️ <b>Что отменить?</b> Последняя отметка каждой привычки:
undo-pick-button = { $habit } · { $day }
undo-nothing-logged = Отметок пока нет, отменять нечего.

# Серии
streaks-title = 🔥 <b>Серии</b>
streaks-line = { $habit }: сейчас { $current }, лучшая { $longest }
streaks-none = Привычек пока нет. Создайте первую командой /new.

# Отказы
error-already-completed = Уже отмечено: { $date }.
error-habit-archived = Эта привычка в архиве.
error-future-date = Этот день ещё не наступил.
error-outside-window = Отмечать можно не больше чем на 7 дней назад.
error-before-start = Эта привычка начинается: { $date }.
error-after-end = Эта привычка закончилась: { $date }.
error-stale-button = ⌛ Эта кнопка устарела.
error-generic = 😕 У меня что-то пошло не так. Попробуйте ещё раз.

# Прочее
hint-free-text = Не понимаю. Воспользуйтесь меню или /help.
cancel-done = Хорошо, отменено.
cancel-nothing = Нечего отменять.
help-text =
    <b>Что я умею</b>
    /done — отметить привычки за сегодня (📅 «Другой день» — за последние 7 дней)
    /undo — отменить последнюю отметку привычки
    /new — создать привычку; /habits — изменить, архивировать или удалить
    /rewards — ваши награды, получить выигранное
    /streaks — текущие и лучшие серии
    /stats — успешность и календари за 4 недели
    /settings — язык, часовой пояс, шансы наград, напоминания, доступ к API, экспорт
    /cancel — выйти из текущего шага
    Каждая выполненная привычка может принести часть награды, которую вы задали.

# Напоминания
reminder-text = ⏰ Пора: <b>{ $habit }</b> ({ $time }).
reminder-done = ✅ Сделано
reminder-snooze = 💤 Через час
reminder-snoozed = 💤 Напомню о <b>{ $habit }</b> в { $time }.
reminder-already-done = ✅ За этот день уже сделано: напоминать не о чем.
reminder-skip = Пропустить сегодня
reminder-skipped = Хорошо, <b>{ $habit }</b> сегодня пропускаем.

# Сводки (ежедневная в выбранное время, еженедельная по воскресеньям)
summary-daily-title = 📰 <b>Ваш день</b>, { $day }
summary-daily-score = Сделано <b>{ $done } из { $total }</b>
summary-daily-nothing-due = Сегодня ничего не было запланировано.
summary-habit-done = ✅ { $habit }
summary-habit-open = ⬜ { $habit }
summary-streak = 🔥 { $days }
summary-daily-all-done = 🎉 Всё сделано. Отлично!
summary-daily-still-due = ⏳ Осталось на сегодня: { $count }. Ещё есть время.
summary-live-streaks = 🔥 Живые серии: { $count }
summary-weekly-title = 📰 <b>Ваша неделя</b>, { $from } – { $to }
summary-weekly-overall = Итого: <b>{ $rate }%</b> (сделано { $completions }, ожидалось { $expected })
summary-weekly-habit = • { $habit }: { $completions } из { $expected }, <b>{ $rate }%</b>

# Привычки: создание и изменение привычки, экран привычек
habit-new-title = ➕ <b>Новая привычка</b>
habit-edit-title = ✏️ <b>Изменение: { $name }</b>
habit-ask-name = ✍️ Что за привычка? Пришлите название до 100 символов, например <i>Читать 10 страниц</i> или <i>🏃 Утренняя пробежка</i>.
habit-ask-schedule = 📅 Как часто?
habit-ask-days = 📅 Отметьте дни, когда она нужна, и нажмите <b>Готово</b>.
habit-ask-times-weekly = 🔁 Сколько раз в неделю? Нажмите или пришлите число от 1 до 7.
habit-ask-times-monthly = 🔁 Сколько раз в месяц? Нажмите или пришлите число от 1 до 31.
habit-ask-grace = 🛟 Дни пощады: сколько нужных дней подряд можно пропустить, не теряя серию?
habit-ask-weight = ⚖️ Вес: насколько привычка влияет на награды (больше — выше шанс). Нажмите или пришлите число от 1 до 100.
habit-ask-reminders = ⏰ Напоминания: нажмите время или пришлите своё, например <code>07:30</code> (до 5), затем <b>Готово</b>.
habit-reminders-chosen = Выбрано: { $times }
habit-current = Сейчас: { $value }
habit-button-daily = Каждый день
habit-button-weekdays = По будням (Пн–Пт)
habit-button-days = Выбрать дни
habit-button-weekly = N раз в неделю
habit-button-monthly = N раз в месяц
habit-button-done = ✅ Готово
habit-button-no-reminders = 🔕 Без напоминаний
habit-button-save = 💾 Сохранить
habit-button-skip = ⏭ Пропустить
habit-button-cancel = ✖️ Отмена
habit-button-open = 🧩 Открыть привычку
habit-button-menu = 🏠 Меню
habit-button-edit = ✏️ Изменить
habit-button-archive = 🗄 В архив
habit-button-unarchive = ♻️ Вернуть из архива
habit-button-delete = 🗑 Удалить
habit-button-delete-yes = 🗑 Да, удалить
habit-button-delete-no = ↩️ Нет, оставить
habit-day-1 = Пн
habit-day-2 = Вт
habit-day-3 = Ср
habit-day-4 = Чт
habit-day-5 = Пт
habit-day-6 = Сб
habit-day-7 = Вс
habit-days-none = Выберите хотя бы один день.
habit-flow-cancelled = Хорошо, отменено. Ничего не сохранено.
habit-flow-text-only = Пришлите текст или нажмите кнопку (или /cancel).
habit-flow-use-buttons = 👇 Нажмите одну из кнопок.
habit-summary = 📝 Проверьте и сохраните:
habit-line-name = 🧩 <b>{ $name }</b>
habit-line-schedule = 📅 { $schedule }
habit-line-grace = 🛟 Дни пощады: { $days }
habit-line-weight = ⚖️ Вес: { $weight }
habit-line-reminders = ⏰ Напоминания: { $times }
habit-line-streak = 🔥 Серия: { $current } (лучшая { $longest })
habit-line-archived = 🗄 В архиве
habit-schedule-daily = Каждый день
habit-schedule-weekdays = По будням (Пн–Пт)
habit-schedule-days = По дням: { $days }
habit-schedule-weekly = { $count ->
    [one] { $count } раз в неделю
    [few] { $count } раза в неделю
   *[other] { $count } раз в неделю
    }
habit-schedule-monthly = { $count ->
    [one] { $count } раз в месяц
    [few] { $count } раза в месяц
   *[other] { $count } раз в месяц
    }
habit-reminders-none = нет
habit-field-name = Название
habit-field-frequency = Число раз
habit-field-exemptWeekdays = Дни
habit-field-allowedSkipDays = Дни пощады
habit-field-weight = Вес
habit-field-reminders = Напоминания
habit-field-other = Значение
habit-error-required = ⚠️ { $field }: не может быть пустым.
habit-error-too-short = ⚠️ { $field }: слишком коротко, нужно хотя бы { $limit } симв.
habit-error-too-long = ⚠️ { $field }: слишком длинно, не больше { $limit } симв.
habit-error-too-small = ⚠️ { $field }: не меньше { $limit }.
habit-error-too-large = ⚠️ { $field }: не больше { $limit }.
habit-error-not-integer = ⚠️ { $field }: нужно целое число.
habit-error-invalid-format = ⚠️ { $field }: нужен формат { $limit }.
habit-error-invalid-choice = ⚠️ { $field }: такого варианта нет.
habit-error-duplicate = ⚠️ { $field }: уже есть в списке.
habit-error-before-start = ⚠️ { $field }: раньше даты начала.
habit-error-not-allowed = ⚠️ { $field }: невозможно при таком расписании.
habit-error-name-taken = ⚠️ У вас уже есть привычка «{ $name }». Выберите другое название.
habit-error-not-number = ⚠️ «{ $input }» — не число. Пришлите целое число от { $min } до { $max }.
habit-error-number-range = ⚠️ «{ $input }» здесь не подходит: пришлите целое число от { $min } до { $max }.
habit-error-time = ⚠️ «{ $input }» — не время. Пришлите его как ЧЧ:ММ, например <code>07:30</code>.
habit-created = ✅ Привычка <b>{ $name }</b> создана! Отмечайте её в разделе «✅ Сделано сегодня».
habit-updated = ✅ Сохранено: <b>{ $name }</b>.
habit-gone = ⌛ Этой привычки больше нет или она в архиве.
habit-save-failed = 😕 Не получилось сохранить привычку. Начните заново с /new.
habit-limit-reached = 📦 У вас { NUMBER($max) ->
        [one] { $max } привычка
        [few] { $max } привычки
        [many] { $max } привычек
       *[other] { $max } привычки
    } — это максимум для одного аккаунта (архивные тоже считаются). Удалите ненужную, чтобы создать новую.
tags-limit-reached = 📦 У вас { NUMBER($max) ->
        [one] { $max } тег
        [few] { $max } тега
        [many] { $max } тегов
       *[other] { $max } тега
    } — это максимум для одного аккаунта. Удалите ненужный, чтобы добавить новый.
habits-title = 🧩 <b>Ваши привычки</b>
    Нажмите на привычку, чтобы посмотреть или изменить её.
habits-empty = 🧩 У вас пока нет привычек. Создайте первую!
habits-hint-edit = Выберите привычку и нажмите ✏️ Изменить.
habits-hint-remove = Выберите привычку и нажмите 🗄 В архив или 🗑 Удалить.
habits-button-new = ➕ Новая привычка
habits-button-archived = 🗄 Архив ({ $count })
habits-archived-title = 🗄 <b>Привычки в архиве</b>
    Их история сохранена. Нажмите на привычку, чтобы вернуть или удалить её.
habits-archived-empty = 🗄 В архиве пусто.
habit-delete-confirm = 🗑 Удалить <b>{ $name }</b> вместе со всей историей? Это нельзя отменить.
habit-archived-toast = 🗄 В архиве: { $name }
habit-unarchived-toast = ♻️ Снова в привычках: { $name }
habit-deleted-toast = 🗑 Удалено: { $name }
habit-unarchive-name-taken = Уже есть активная привычка «{ $name }». Сначала переименуйте её.

# Награды
rewards-title = 🎁 <b>Ваши награды</b>
rewards-empty = 🎁 Наград пока нет. Добавьте то, что вас порадует: каждая выполненная привычка может принести её часть.
rewards-button-add = ➕ Добавить награду
rewards-button-history = 📜 История
rewards-claim-title = 🏆 <b>Можно забрать</b>
    Нажмите на награду, чтобы забрать её.
rewards-claim-none = Забирать пока нечего. Выполняйте привычки, чтобы собирать части.
rewards-edit-choose = ✏️ Какую награду изменить?
rewards-history-title = 📜 <b>Полученные награды</b>
rewards-history-line = { $date }, { $time } · <b>{ $name }</b>
rewards-history-more = …и ещё раньше: { $count }.
rewards-history-empty = 📜 Вы ещё не забирали наград.
reward-progress = { $bar } { $earned }/{ $required } · { $status }
reward-status-pending = собирается
reward-status-achieved = 🏆 можно забрать
reward-status-claimed = ✅ получена
reward-status-inactive = ⏸ на паузе
reward-card =
    🎁 <b>{ $name }</b>
    { $progress }
    ⚖️ Вес: { $weight }
    { $recurring ->
        [yes] 🔁 Многоразовая: после получения её можно выиграть снова
       *[no] 1️⃣ Разовая: после получения уходит на покой
    }
    { $active ->
        [yes] ▶️ Активна: выполненные привычки могут её принести
       *[no] ⏸ На паузе: не участвует в розыгрыше
    }
    🏆 { NUMBER($times) ->
        [0] Ещё не получена
        [one] Получена { $times } раз
        [few] Получена { $times } раза
        [many] Получена { $times } раз
       *[other] Получена { $times } раза
    }
reward-button-claim = 🎉 Забрать
reward-button-edit = ✏️ Изменить
reward-button-activate = ▶️ Включить
reward-button-deactivate = ⏸ Поставить на паузу
reward-button-delete = 🗑 Удалить
reward-button-delete-yes = 🗑 Да, удалить
reward-button-delete-force = 🗑 Удалить вместе с частями
reward-button-keep = ↩️ Нет, оставить
reward-claimed-toast = 🎉 Получено!
reward-claimed = 🎉 <b>{ $name }</b> — ваша! Наслаждайтесь, вы это заслужили.
reward-claimed-recurring = 🔁 Соберите { NUMBER($required) ->
        [one] { $required } часть
        [few] { $required } части
        [many] { $required } частей
       *[other] { $required } части
    }, чтобы получить её снова.
reward-claimed-once = Это была разовая награда, теперь она уходит на покой.
reward-not-achieved = ⏳ Пока рано: собрано частей { $earned }/{ $required }.
reward-already-claimed = ✅ Эта награда уже получена.
reward-activated = ▶️ Включена: снова участвует в розыгрыше.
reward-deactivated = ⏸ На паузе: не участвует в розыгрыше, пока вы её не включите.
reward-activate-name-taken = Уже есть активная награда «{ $name }». Сначала переименуйте одну из них.
reward-activate-claimed = Эта разовая награда уже получена и остаётся в архиве. Чтобы выиграть её снова, добавьте её как новую награду.
reward-delete-confirm = 🗑 Удалить <b>{ $name }</b>?
reward-delete-has-pieces = ⚠️ У награды <b>{ $name }</b> есть незабранные части: { $pieces }. Они пропадут. Всё равно удалить?
reward-deleted = 🗑 Награда <b>{ $name }</b> удалена.
reward-form-new-title = ➕ <b>Новая награда</b>
reward-form-edit-title = ✏️ <b>Изменение: { $name }</b>
reward-form-ask-name = Чем вы себя порадуете? Напишите название (например: 🍫 Шоколадка, 🎬 Вечер кино).
reward-form-ask-weight = ⚖️ Как часто она должна выпадать по сравнению с другими наградами? Нажмите вес или напишите число (больше — чаще).
reward-form-ask-pieces = 🧩 Сколько частей нужно собрать, чтобы её забрать? Нажмите или напишите целое число (1 — сразу).
reward-form-ask-recurring = 🔁 Можно ли выиграть её снова после получения?
reward-form-recurring-yes = 🔁 Да, снова и снова
reward-form-recurring-no = 1️⃣ Нет, один раз
reward-form-current = Сейчас: <b>{ $value }</b>
reward-form-summary =
    🎁 <b>{ $name }</b>
    ⚖️ Вес: { $weight }
    🧩 Нужно собрать { NUMBER($pieces) ->
        [one] { $pieces } часть
        [few] { $pieces } части
        [many] { $pieces } частей
       *[other] { $pieces } части
    }
    { $recurring }
reward-form-save = 💾 Сохранить
reward-form-skip = ⏭ Пропустить
reward-form-cancel = ✖️ Отмена
reward-form-saved = ✅ Сохранено!
reward-form-cancelled = Хорошо, ничего не сохранено.
reward-form-tap-button = 👇 Пожалуйста, нажмите одну из кнопок.
reward-form-text-only = ✍️ Пожалуйста, ответьте текстом или кнопками (или /cancel).
reward-form-name-taken = У вас уже есть активная награда «{ $name }». Выберите другое название.
reward-limit-reached = 📦 У вас { NUMBER($max) ->
        [one] { $max } награда
        [few] { $max } награды
        [many] { $max } наград
       *[other] { $max } награды
    } — это максимум для одного аккаунта (неактивные тоже считаются). Удалите ненужную, чтобы добавить новую.
reward-invalid-name-required = Название не может быть пустым.
reward-invalid-name-too-long = Слишком длинное название: не больше { $limit } символов.
reward-invalid-weight = Вес — это число больше 0 и не больше { $max }, например 2 или 2,5.
reward-invalid-pieces = Число частей — целое число от 1 до { $max }.

# Stats
stats-none = 📊 Привычек пока нет, поэтому и статистики нет. Создайте первую: /new.
stats-title = 📊 <b>Статистика</b> · последние 30 дней
stats-overall = Общий успех: <b>{ $rate }%</b> ({ $achieved } из { $expected })
stats-live-streaks = 🔥 Активные серии: { $live } из { $habits }
stats-habit-line = • <b>{ $habit }</b>: { $rate }% · 🔥 { $current } (рекорд { $longest })
stats-habit-button = 📅 { $habit }
stats-pick-habit = Нажмите на привычку, чтобы увидеть календарь за 4 недели.
stats-habit-title = 📊 <b>{ $habit }</b>
stats-habit-rate = Успех за 30 дней: <b>{ $rate }%</b> ({ $achieved } из { $expected })
stats-habit-streak = 🔥 Серия: сейчас { $current }, рекорд { $longest }
stats-calendar-title = <b>Последние 4 недели</b> (Пн → Вс)
stats-calendar-legend = 🟩 сделано · ⬜ пропущено · ▫️ не нужно · ✅ / 🔲 сегодня (сделано / ещё нет)

# Settings
settings-title = ⚙️ <b>Настройки</b>
settings-language-line = 🌐 Язык: { $language }
settings-timezone-line = 🌍 Часовой пояс: { $zone }
settings-odds-line = 🎁 Шансы наград: { $level ->
        [more] повышенные
        [normal] обычные
        [fewer] пониженные
       *[custom] свои
    } (привычка обычного веса приносит кусочек примерно в { $chance }% случаев), гарантия за последнюю привычку { $guarantee ->
        [on] вкл.
       *[off] выкл.
    }
settings-reminders-line = ⏰ Напоминания: { $enabled ->
        [on] вкл.
       *[off] выкл.
    }, тихие часы: { $quiet }
settings-summary-line = 📰 Сводка: { $mode ->
        [daily] каждый день в { $time }
        [weekly] по воскресеньям в { $time }
       *[off] выкл.
    }
settings-quiet-off = нет
settings-chosen = ✅ { $label }
settings-saved = ✅ Сохранено
settings-button-language = 🌐 Язык
settings-button-timezone = 🌍 Часовой пояс
settings-button-odds = 🎁 Шансы наград
settings-button-reminders = ⏰ Напоминания
settings-button-summary = 📰 Сводка
settings-button-api = 🔑 Доступ к API
settings-button-export = 📦 Выгрузить мои данные
settings-language-en = 🇬🇧 English
settings-language-ru = 🇷🇺 Русский
settings-language-kk = 🇰🇿 Қазақша
settings-language-title = 🌐 <b>Язык</b>
    Выберите язык, на котором мне с вами говорить.
settings-timezone-ask = 🌍 Ваш часовой пояс: <b>{ $zone }</b>. Выберите новый, отправьте геопозицию или напишите пояс или город (например, <code>Europe/Moscow</code> или <code>Алматы</code>).
settings-timezone-keep = ✖️ Оставить текущий
settings-timezone-kept = Хорошо, часовой пояс не меняется.
settings-timezone-gave-up = Пока оставим часовой пояс как есть. Попробуйте ещё раз из ⚙️ Настроек.
settings-odds-title = 🎁 <b>Шансы наград</b>
settings-odds-explain = Каждая выполненная привычка разыгрывает кусочек награды. Вес «без награды» решает, как часто вы выигрываете: сейчас { $weight }, поэтому привычка обычного веса в первый день выигрывает примерно в <b>{ $chance }%</b> случаев, а с ростом серии — чаще.
settings-guarantee-explain = { $guarantee ->
        [on] 🎯 Гарантия за последнюю привычку (вкл.): последняя привычка дня всегда приносит кусочек, если какой-то награде он ещё нужен.
       *[off] 🎯 Гарантия за последнюю привычку (выкл.): последняя привычка дня разыгрывает кусочек, как и остальные. Если включить гарантию, она всегда будет его приносить, когда какой-то награде он ещё нужен.
    }
settings-odds-more = 🎁 Больше наград ({ $weight })
settings-odds-normal = ⚖️ Обычно ({ $weight })
settings-odds-fewer = 🧘 Меньше наград ({ $weight })
settings-guarantee-button = { $guarantee ->
        [on] 🎯 Включить гарантию
       *[off] 🎯 Выключить гарантию
    }
settings-reminders-title = ⏰ <b>Напоминания</b>
settings-reminders-state = Напоминания { $enabled ->
        [on] <b>включены</b>.
       *[off] <b>выключены</b>: я их не присылаю.
    }
settings-quiet-state = Тихие часы: { $quiet } (в это время без напоминаний).
settings-reminders-toggle = { $enabled ->
        [on] 🔔 Включить напоминания
       *[off] 🔕 Выключить напоминания
    }
settings-quiet-preset = 🌙 Тишина { $start }–{ $end }
settings-quiet-none = 🔊 Без тихих часов
settings-summary-title = 📰 <b>Сводка</b>
settings-summary-explain = Короткий взгляд назад: каждый день в выбранное время (ваш день: что сделано и что осталось, ваши серии) или по воскресеньям (ваша неделя: успех по каждой привычке). Приходит в выбранное время, даже в тихие часы и при выключенных напоминаниях.
settings-summary-off = 🔕 Выкл.
settings-summary-daily = 📅 Каждый день
settings-summary-weekly = 🗓 Раз в неделю, по воскресеньям
settings-summary-time = 🕘 { $time }
settings-summary-time-ask = В какое время ({ $zone })?
settings-export-sending = 📦 Готовлю ваши данные…
settings-export-caption = 📦 Ваши данные: аккаунт, привычки, выполнения, награды и получения наград (JSON).

# Done for another day
backdate-button = 📅 Другой день
backdate-pick-habit = 📅 <b>Сделано в другой день</b>
    Какая привычка?
backdate-pick-day = 📅 <b>{ $habit }</b>: какой день? (не раньше чем { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } назад)
backdate-today = Сегодня
backdate-yesterday = Вчера
backdate-day-logged = ✅ { $day }
backdate-confirm = Отметить <b>{ $habit }</b> выполненной? День: <b>{ $day }</b>.
backdate-confirm-target = Отметить <b>{ $habit }</b> выполненной (цель достигнута)? День: <b>{ $day }</b>.
backdate-confirm-yes = ✅ Да, отметить
backdate-logged-for = 📅 { $day }

# Доступ к API
api-title = 🔑 <b>Доступ к API</b>
api-explain = Другие приложения могут вести ваши привычки через наш REST API. Чтобы войти в приложение, получите одноразовый <b>код входа</b>. Для своих скриптов создайте <b>API-ключ</b> и передавайте его в заголовке <code>X-API-Key</code>. Никому не сообщайте код или ключ: я никогда их не спрашиваю.
api-keys-none = У вас нет API-ключей.
api-keys-title = <b>Ваши API-ключи</b>
api-key-line = • <b>{ $name }</b> <code>{ $prefix }…</code> · { $scopes } · создан { $created } · в последний раз: { $used }
api-key-never-used = ещё не использовался
api-scope-read = только чтение
api-scope-write = только запись
api-scope-read-write = чтение и запись
api-keys-hint = Ключ может читать и менять ваши привычки, теги и награды, но никогда — аккаунт, пароль или другие ключи. Отзовите ключ, который вы не узнаёте или больше не используете.
api-button-code = 🔢 Получить код входа
api-button-new-key = ➕ Новый API-ключ
api-button-new-read-key = ➕ Новый ключ только для чтения
api-button-revoke = 🗑 Отозвать { $name }
api-revoke-confirm = 🗑 Отозвать <b>{ $name }</b> (<code>{ $prefix }…</code>)? Приложения с ним сразу потеряют доступ.
api-button-revoke-yes = 🗑 Да, отозвать
api-revoked-toast = 🗑 Ключ отозван.
api-button-forget = 🧹 Сохранено: удалить сообщение
api-forgotten = 🧹 Удалено.
api-code = 🔢 Ваш код входа: <code>{ $code }</code>
    Он действует один раз, в течение { $minutes } минут. Введите его в приложении, которое его запросило.
api-code-limit = Кодов входа в час можно получить не больше { $limit }. Следующий — в { $time }.
login-code-message = 🔐 Приложение просит войти в ваш аккаунт через Telegram. Ваш код входа: <code>{ $code }</code>
    Он действует один раз, в течение { $minutes } минут. Если это были не вы, не обращайте внимания на это сообщение и никому не сообщайте код.
api-button-cancel = ✖️ Отмена
api-button-back-to-access = 🔑 Доступ к API
api-key-ask-name = ➕ <b>Новый API-ключ</b>
    Пришлите его название, чтобы отличать ключи (например: Мой скрипт). До { $limit } символов.
api-key-name-empty = ⚠️ Название не может быть пустым. Пришлите название до { $limit } символов.
api-key-name-too-long = ⚠️ Слишком длинное название: не больше { $limit } символов. Пришлите покороче.
api-key-made = 🗝 Ваш новый API-ключ <b>{ $name }</b>:
    <code>{ $key }</code>
    Скопируйте его сейчас: я показываю его только один раз и храню лишь его отпечаток.
api-key-too-many = У вас уже { $limit } API-ключей. Отзовите один, чтобы создать новый.
api-key-gave-up = Названия нет, поэтому ключ не создан.
